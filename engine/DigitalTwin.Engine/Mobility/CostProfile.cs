using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// The kind of traveller a route is computed for. People who share a profile share shortest-path trees, which is
/// what makes routing cheap; the profile holds only what changes the cost of a street.
/// </summary>
public readonly record struct CostProfile(TravelModes Mode, bool AfterDark, bool DarknessSensitive, bool LimitedMobility, byte Variant)
{
    /// <summary>A dense index for caches: at most 2 × 2 × 2 × 3 modes × variants distinct profiles.</summary>
    public int Index(int variants)
    {
        int mode = Mode switch
        {
            TravelModes.Walk => 0,
            TravelModes.Bike => 1,
            _ => 2,
        };
        int flags = (AfterDark ? 1 : 0) | (DarknessSensitive ? 2 : 0) | (LimitedMobility ? 4 : 0);
        return ((mode * 8) + flags) * variants + Variant;
    }

    public static int Count(int variants) => 3 * 8 * variants;

    /// <summary>The profile with dense index <paramref name="index"/> (the inverse of <see cref="Index"/>).</summary>
    public static CostProfile FromIndex(int index, int variants)
    {
        int variant = index % variants;
        int rest = index / variants;
        int flags = rest % 8;
        var mode = (rest / 8) switch
        {
            0 => TravelModes.Walk,
            1 => TravelModes.Bike,
            _ => TravelModes.Car,
        };
        return new CostProfile(mode, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, (byte)variant);
    }
}
