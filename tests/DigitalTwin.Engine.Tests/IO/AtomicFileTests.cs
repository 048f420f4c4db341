using DigitalTwin.Engine.IO;

namespace DigitalTwin.Engine.Tests.IO;

/// <summary>A failed write leaves the previous file and no .partial beside it, and says why in the system's words.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private const int NoSpaceLeftOnDevice = 28;

    private readonly string _folder = Directory.CreateTempSubdirectory("atomic-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void A_full_disk_inside_a_serializers_exception_is_a_problem_with_its_cause()
    {
        string path = Path.Combine(_folder, "run.msgpack");
        File.WriteAllText(path, "previous");

        // MessagePack wraps the disk's IOException in its own exception.
        var written = AtomicFile.Write(path, stream =>
        {
            stream.WriteByte(1);
            throw new InvalidOperationException("serializer failed", new IOException("No space left on device : '/x'", NoSpaceLeftOnDevice));
        });

        Assert.False(written.Succeeded);
        Assert.Equal("cannot write the file: no space left on device", written.Problems[0].Message);
        Assert.Equal("free space on that disk or write to another folder", written.Problems[0].Suggestion);
        Assert.Equal("previous", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public void A_bug_in_the_writer_propagates_and_leaves_no_partial_file()
    {
        string path = Path.Combine(_folder, "summary.json");

        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, _ => throw new InvalidOperationException("bug")));

        Assert.Empty(Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData(30, "read-only file system")]
    [InlineData(13, "permission denied")]
    [InlineData(5, "input/output error")]
    public void Causes_are_named_from_the_error_number(int errno, string cause) =>
        Assert.Equal(cause, IoFailure.Cause(new IOException("Something : '/x'", errno)));

    [Fact]
    public void An_unknown_cause_keeps_the_systems_words_without_the_path() =>
        Assert.Equal("device or resource busy", IoFailure.Cause(new AggregateException(new IOException("Device or resource busy : '/x/y'", 16))));
}
