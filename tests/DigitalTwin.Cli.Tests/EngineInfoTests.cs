using DigitalTwin.Engine;

namespace DigitalTwin.Cli.Tests;

public class EngineInfoTests
{
    [Fact]
    public void Version_is_semantic() => Assert.Matches(@"^\d+\.\d+\.\d+$", EngineInfo.Version);
}
