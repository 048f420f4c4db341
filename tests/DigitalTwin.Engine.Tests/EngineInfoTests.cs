using DigitalTwin.Engine;

namespace DigitalTwin.Engine.Tests;

public class EngineInfoTests
{
    [Fact]
    public void Version_is_semantic() => Assert.Matches(@"^\d+\.\d+\.\d+$", EngineInfo.Version);
}
