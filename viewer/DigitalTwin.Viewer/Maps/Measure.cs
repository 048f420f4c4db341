namespace DigitalTwin.Viewer.Maps;

/// <summary>What the heatmap shows on each street.</summary>
public enum Measure
{
    /// <summary>People passing on foot or by bike, per day (a count per street, not per metre: one walk counts once however long the street).</summary>
    Passages,

    /// <summary>Two people within social distance of each other (MODEL.md), per 100 m of street per day.</summary>
    Encounters,

    /// <summary>Encounters in which the two acknowledged each other, per 100 m of street per day.</summary>
    Nods,

    /// <summary>Pairs who became familiar strangers here, per 100 m of street per day.</summary>
    NewFamiliarPairs,
}

/// <summary>Which part of the day the counts cover.</summary>
public enum PeriodFilter
{
    WholeDay,
    Morning,
    Afternoon,
    Evening,
    Night,
}

/// <summary>Whose passages, encounters and nods the map counts: everyone, or residents of one CBS age band.</summary>
public enum GroupFilter
{
    Everyone,
    Children,
    Youth,
    YoungAdults,
    MiddleAged,
    Older,
}

/// <summary>Names on the command line and words in the picture for measures and periods.</summary>
public static class MapVocabulary
{
    public static IReadOnlyList<string> MeasureNames { get; } = ["passages", "encounters", "nods", "new-familiar-pairs"];

    public static IReadOnlyList<string> PeriodNames { get; } = ["day", "morning", "afternoon", "evening", "night"];

    public static IReadOnlyList<string> GroupNames { get; } = ["everyone", "children", "youth", "young-adults", "middle-aged", "older"];

    public static bool TryParseGroup(string name, out GroupFilter group)
    {
        int index = IndexOf(GroupNames, name);
        group = (GroupFilter)Math.Max(index, 0);
        return index >= 0;
    }

    public static string CommandName(GroupFilter group) => GroupNames[(int)group];

    /// <summary>Who is counted, in words for the picture.</summary>
    public static string Describe(GroupFilter group) => group switch
    {
        GroupFilter.Everyone => "everyone",
        GroupFilter.Children => "children (0-14)",
        GroupFilter.Youth => "youth (15-24)",
        GroupFilter.YoungAdults => "adults 25-44",
        GroupFilter.MiddleAged => "adults 45-64",
        GroupFilter.Older => "residents 65+",
        _ => throw new ArgumentOutOfRangeException(nameof(group)),
    };

    public static bool TryParseMeasure(string name, out Measure measure)
    {
        int index = IndexOf(MeasureNames, name);
        measure = (Measure)Math.Max(index, 0);
        return index >= 0;
    }

    public static bool TryParsePeriod(string name, out PeriodFilter period)
    {
        int index = IndexOf(PeriodNames, name);
        period = (PeriodFilter)Math.Max(index, 0);
        return index >= 0;
    }

    private static int IndexOf(IReadOnlyList<string> names, string name)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (string.Equals(names[i], name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    public static string CommandName(Measure measure) => MeasureNames[(int)measure];

    public static string CommandName(PeriodFilter period) => PeriodNames[(int)period];

    /// <summary>The map's title, in words a resident uses.</summary>
    public static string Title(Measure measure) => measure switch
    {
        Measure.Passages => "People walking or cycling by",
        Measure.Encounters => "Encounters on the street",
        Measure.Nods => "Nods: people greeting each other",
        Measure.NewFamiliarPairs => "New familiar faces",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    /// <summary>The legend's unit line.</summary>
    public static string Unit(Measure measure) => measure switch
    {
        Measure.Passages => "people passing per day",
        Measure.Encounters => "encounters per 100 m of street per day",
        Measure.Nods => "nods per 100 m of street per day",
        Measure.NewFamiliarPairs => "new familiar pairs per 100 m of street per day",
        _ => throw new ArgumentOutOfRangeException(nameof(measure)),
    };

    public static string Describe(PeriodFilter period) => period switch
    {
        PeriodFilter.WholeDay => "whole day",
        PeriodFilter.Morning => "morning (6-12 h)",
        PeriodFilter.Afternoon => "afternoon (12-18 h)",
        PeriodFilter.Evening => "evening (18-24 h)",
        PeriodFilter.Night => "night (0-6 h)",
        _ => throw new ArgumentOutOfRangeException(nameof(period)),
    };
}
