using System.Xml.Linq;
using DigitalTwin.TestKit;

namespace DigitalTwin.Surrogate.Tests;

/// <summary>The emulator lives outside the engine (DESIGN.md): the engine's package list stays what it was.</summary>
public class EngineDependencyTests
{
    [Fact]
    public void The_engine_references_only_its_own_packages_and_no_project()
    {
        var project = XDocument.Load(Path.Combine(RepositoryFiles.Root, "engine", "DigitalTwin.Engine", "DigitalTwin.Engine.csproj"));
        string[] packages = [.. project.Descendants("PackageReference").Select(p => (string)p.Attribute("Include")!).Order(StringComparer.Ordinal)];
        Assert.Equal(["MathNet.Numerics", "MessagePack", "NetTopologySuite", "NetTopologySuite.IO.GeoJSON4STJ", "OsmSharp", "protobuf-net"], packages);
        Assert.Empty(project.Descendants("ProjectReference"));
    }

    [Fact]
    public void The_engine_assembly_loads_no_machine_learning()
    {
        var references = typeof(Engine.EngineInfo).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.ML", StringComparison.Ordinal));
        Assert.Contains(typeof(DigitalTwin.Surrogate.Emulation.Emulator).Assembly.GetReferencedAssemblies(), a => a.Name == "Microsoft.ML.FastTree");
    }
}
