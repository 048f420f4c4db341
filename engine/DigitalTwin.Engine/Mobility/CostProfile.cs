using DigitalTwin.Engine.Network;

namespace DigitalTwin.Engine.Mobility;

/// <summary>
/// The kind of traveller a route is computed for. People who share a profile share shortest-path trees, which is
/// what makes routing cheap; the profile holds only what changes the cost of a street.
/// </summary>
internal readonly record struct CostProfile(TravelModes Mode, bool AfterDark, bool DarknessSensitive, bool LimitedMobility, byte Variant)
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

/// <summary>
/// Which parts of a <see cref="CostProfile"/> change some street's cost on one network with one set of parameters.
/// Where a part changes none (a network with every street lit makes after-dark walkers pay what daytime walkers pay)
/// the profiles that differ only in it have the same costs everywhere, so <see cref="Canonical"/> gives them one
/// profile and they share trees and hierarchies: the same routes, from fewer searches. The synthetic city is all lit
/// and smooth, so its thirteen walking and cycling profiles are five (the 100k city: 26,284 place trees → 10,921).
/// </summary>
internal sealed class CostDistinctions
{
    private readonly bool[] _afterDark = new bool[3];
    private readonly bool _darknessSensitive; // within after-dark profiles
    private readonly bool _limitedMobility;
    private readonly bool _variants;

    public CostDistinctions(StreetNetwork network, RouteCostParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(parameters);
        bool unlitCosts = parameters.UnlitAfterDarkFactor != 1;
        bool surfaceCosts = false;
        for (int s = 0; s < network.SegmentCount; s++)
        {
            var modes = network.ModesForward[s] | network.ModesBackward[s];
            if (unlitCosts && network.Lighting[s] == Lighting.Unlit)
            {
                _afterDark[0] |= (modes & TravelModes.Walk) != 0;
                _afterDark[1] |= (modes & TravelModes.Bike) != 0;
            }
            if ((modes & TravelModes.Walk) != 0)
            {
                surfaceCosts |= network.Surface[s] switch
                {
                    SurfaceQuality.Uneven => parameters.UnevenSurfaceLimitedMobilityFactor != 1,
                    SurfaceQuality.Poor => parameters.PoorSurfaceLimitedMobilityFactor != 1,
                    _ => false,
                };
            }
        }
        _darknessSensitive = parameters.DarknessSensitiveMultiplier != 1;
        _limitedMobility = surfaceCosts;
        _variants = parameters.PerceptionNoiseSigma > 0 && parameters.RouteVariants > 1;
    }

    /// <summary>The profile with every part that changes no cost here set to its plain value: same costs, shared trees.</summary>
    public CostProfile Canonical(CostProfile profile)
    {
        int mode = profile.Mode switch
        {
            TravelModes.Walk => 0,
            TravelModes.Bike => 1,
            _ => 2,
        };
        bool afterDark = profile.AfterDark && _afterDark[mode];
        return new CostProfile(
            profile.Mode,
            afterDark,
            afterDark && profile.DarknessSensitive && _darknessSensitive,
            mode == 0 && profile.LimitedMobility && _limitedMobility,
            _variants ? profile.Variant : (byte)0);
    }
}
