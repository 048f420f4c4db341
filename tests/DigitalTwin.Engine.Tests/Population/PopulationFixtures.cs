using DigitalTwin.Engine.Network;
using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Population;

namespace DigitalTwin.Engine.Tests.Population;

/// <summary>Homes, profiles and file locations shared by the population tests.</summary>
internal static class PopulationFixtures
{
    public static string MiniCsv => Path.Combine(AppContext.BaseDirectory, "Population", "Fixtures", "kwb-mini.csv");

    /// <summary>The bundled Utrecht file, found from the repository root (the folder holding DigitalTwin.sln).</summary>
    public static string UtrechtCsv
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "DigitalTwin.sln")))
            {
                dir = dir.Parent;
            }
            Assert.NotNull(dir);
            return Path.Combine(dir.FullName, "scenarios", "data", "cbs", "kwb-2023-utrecht.csv");
        }
    }

    /// <summary><paramref name="count"/> homes along one segment; dwellings cycle through <paramref name="dwellings"/>.</summary>
    public static HomeSet Homes(int count, params int[] dwellings) =>
        new(Enumerable.Range(0, count).Select(i => new HomeRecord
        {
            X = i * 10.0,
            Y = 0,
            Segment = new SegmentId(i % 7),
            OffsetMetres = 5,
            Dwellings = dwellings[i % dwellings.Length],
            OsmId = 1000 + i,
        }));

    /// <summary>A hand-made profile whose marginals are easy to compute by hand.</summary>
    public static NeighbourhoodProfile HandMade(int residents = 10_000) => new()
    {
        Code = "TEST",
        Name = "Hand-made",
        Residents = residents,
        Households = residents * 45 / 100,
        Age = new AgeShares(0.20, 0.10, 0.30, 0.25, 0.15),
        WomenShare = 0.52,
        Background = new BackgroundShares(0.60, 0.15, 0.25),
        HouseholdTypes = new HouseholdTypeShares(0.40, 0.30, 0.30),
        OwnerShare = 0.40,
        Education = new EducationShares(0.30, 0.40, 0.30),
    };
}
