using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Scenarios;

/// <summary>Where a scenario's population profile came from, for reports.</summary>
public abstract record PopulationSource;

/// <summary>
/// A CBS Kerncijfers wijken en buurten row (<see cref="CbsKerncijfers"/>), scaled (scale 1 = the area as counted).
/// <paramref name="File"/> is absolute; <paramref name="RegionName"/> is the CBS <c>regio</c>.
/// </summary>
internal sealed record CbsPopulationSource(string File, string GwbCode, string RegionName, double Scale) : PopulationSource;

/// <summary>Numbers written out in the scenario file (<c>population.explicit</c>).</summary>
internal sealed record ExplicitPopulationSource : PopulationSource;

/// <summary>
/// The population of a scenario: the profile to synthesise from (<see cref="NeighbourhoodProfile"/>, already scaled),
/// where it came from, and where in which scenario file it was written (a parent's, when inherited through
/// <c>extends</c>), so that later stages such as synthesis can point at it.
/// </summary>
public sealed record PopulationSpec(NeighbourhoodProfile Profile, PopulationSource Source, SourceLocation Origin)
{
    /// <summary>One line for reports: "CBS BU03440511 Buiten Wittevrouwen x 1.5" or "explicit numbers".</summary>
    public string Describe() => Source switch
    {
        CbsPopulationSource cbs => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"CBS {cbs.GwbCode} {cbs.RegionName} x {cbs.Scale}"),
        _ => "explicit numbers",
    };
}
