namespace DigitalTwin.Engine.IO;

/// <summary>
/// Opens an input file for reading no more than a limit: a path that points at something endless or huge
/// (<c>/dev/zero</c>, a disk image given by mistake) is refused once the limit is passed, instead of being read until
/// memory runs out.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's bytes, or null when it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes)
    {
        using var stream = OpenRead(path, maxBytes);
        using var copy = new MemoryStream();
        try
        {
            stream.CopyTo(copy);
        }
        catch (FileTooLargeException)
        {
            return null;
        }
        return copy.ToArray();
    }

    /// <summary>A stream over the file that throws <see cref="FileTooLargeException"/> once more than <paramref name="maxBytes"/> are read.</summary>
    public static Stream OpenRead(string path, long maxBytes) => new Bounded(File.OpenRead(path), maxBytes);

    /// <summary>The limit in words, for messages ("16 MB").</summary>
    public static string Describe(long maxBytes) => $"{maxBytes >> 20} MB";

    private sealed class Bounded(Stream inner, long maxBytes) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = inner.Read(buffer, offset, count);
            _read += n;
            if (_read > maxBytes)
            {
                throw new FileTooLargeException();
            }
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}

/// <summary>An input file holds more than the limit it is read with (<see cref="BoundedFile"/>).</summary>
internal sealed class FileTooLargeException : IOException
{
    public FileTooLargeException()
        : base("the file is larger than its limit")
    {
    }

    public FileTooLargeException(string message)
        : base(message)
    {
    }

    public FileTooLargeException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
