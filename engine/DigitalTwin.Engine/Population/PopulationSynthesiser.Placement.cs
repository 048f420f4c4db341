using DigitalTwin.Engine.Places;
using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Population;

internal static partial class PopulationSynthesiser
{
    /// <summary>
    /// Phase 3: a home for every household. Each dwelling of <see cref="HomeSet.Dwellings"/> is a slot. With no more
    /// households than dwellings, households take distinct slots drawn at random (so a building is chosen in
    /// proportion to its dwellings and the rest stay vacant); with more, every dwelling takes the same number of
    /// households and the remainder go to random distinct dwellings (spread in proportion), with a warning.
    /// </summary>
    private static int[] PlaceHouseholds(int households, HomeSet homes, ulong seed, PopulationParameters p, List<string> warnings)
    {
        ReadOnlySpan<int> dwellings = homes.Dwellings;
        long totalDwellings = 0;
        foreach (int d in dwellings)
        {
            totalDwellings += Math.Max(0, d);
        }
        int[] slots;
        if (totalDwellings == 0)
        {
            warnings.Add($"the {homes.Count} homes have no dwelling counts: each was taken as one dwelling");
            slots = new int[homes.Count];
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i] = i;
            }
        }
        else
        {
            slots = new int[totalDwellings];
            int k = 0;
            for (int home = 0; home < dwellings.Length; home++)
            {
                for (int d = 0; d < dwellings[home]; d++)
                {
                    slots[k++] = home;
                }
            }
        }

        var rng = new RandomStream(seed, StreamPurpose.Placement, 0);
        int slotCount = slots.Length;
        var householdHome = new int[households];
        if (households <= slotCount)
        {
            PartialShuffle(slots, households, ref rng);
            Array.Copy(slots, householdHome, households);
            if (households < p.UnderfillWarningRatio * slotCount)
            {
                warnings.Add($"{households} households for {slotCount} dwellings: {slotCount - households} dwellings stay empty");
            }
            return householdHome;
        }

        int perDwelling = households / slotCount;
        int remainder = households % slotCount;
        int index = 0;
        for (int round = 0; round < perDwelling; round++)
        {
            Array.Copy(slots, 0, householdHome, index, slotCount);
            index += slotCount;
        }
        PartialShuffle(slots, remainder, ref rng);
        Array.Copy(slots, 0, householdHome, index, remainder);
        PartialShuffle(householdHome, households, ref rng);
        if ((double)households / slotCount > p.OverfillWarningRatio)
        {
            warnings.Add($"{households} households for {slotCount} dwellings: dwellings are overfilled with " +
                $"{perDwelling}{(remainder > 0 ? $"–{perDwelling + 1}" : "")} households each");
        }
        return householdHome;
    }

    /// <summary>Fisher–Yates for the first <paramref name="count"/> positions: a uniform random subset in random order.</summary>
    private static void PartialShuffle(int[] values, int count, ref RandomStream rng)
    {
        for (int i = 0; i < count; i++)
        {
            int j = i + rng.NextInt(values.Length - i);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
