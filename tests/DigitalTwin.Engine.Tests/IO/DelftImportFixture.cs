using DigitalTwin.Engine.IO;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.IO;

/// <summary>Imports the bundled Delft extract once for all tests of a class (about a second).</summary>
public sealed class DelftImportFixture
{
    public DelftImportFixture()
    {
        var result = MapLoader.Load(RepositoryFiles.DelftPbf);
        Assert.True(result.Succeeded, string.Join("; ", result.Problems));
        Map = result.Unwrap();
    }

    public LoadedMap Map { get; }
}
