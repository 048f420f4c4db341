using DigitalTwin.Engine.Randomness;

namespace DigitalTwin.Engine.Encounters;

/// <summary>
/// Sub-areas of large places. A café terrace or a bench is one circle of social distance; a park or a large
/// supermarket is not: two visitors there at the same time need not come near each other. The model splits a
/// place into zones of about <see cref="ZoneAreaSquareMetres"/> and lets each visitor pick one per visit; two stays
/// are co-present only in the same zone. This keeps co-presence exact and deterministic (no pair draw) while
/// meeting probability at a big place falls as 1 / zones.
/// </summary>
internal static class PlaceZones
{
    /// <summary>
    /// Area of one zone: a circle of social-distance radius (π × 3.7² ≈ 43 m²) rounded up to 50 m², the area
    /// within which a seated or standing group can see and address each other (Hall 1966).
    /// </summary>
    public const double ZoneAreaSquareMetres = 50;

    /// <summary>How many zones a place of the given area has (at least one).</summary>
    public static int CountFor(double areaSquareMetres) =>
        areaSquareMetres <= ZoneAreaSquareMetres ? 1 : (int)Math.Min(int.MaxValue, Math.Ceiling(areaSquareMetres / ZoneAreaSquareMetres));

    /// <summary>
    /// People who stand or sit together in one conversation circle: freely forming conversation groups rarely hold more
    /// than four (Dunbar, Duncan &amp; Nettle 1995, "Size and structure of freely forming conversational groups", Human
    /// Nature 6). A place mapped as a point has no area to divide, so it gets a zone for every four of its capacity: a
    /// café for 30 is eight tables, a stop for 20 five clusters of waiting people, not one circle where everyone meets
    /// everyone.
    /// </summary>
    public const int ConversationGroupSize = 4;

    /// <summary>
    /// Zones of a place: by its mapped area where it has one, else by its capacity (<see cref="ConversationGroupSize"/>).
    /// </summary>
    public static int CountFor(double mappedAreaSquareMetres, int capacity) =>
        mappedAreaSquareMetres > 0 ? CountFor(mappedAreaSquareMetres) : Math.Max(1, (capacity + ConversationGroupSize - 1) / ConversationGroupSize);

    /// <summary>
    /// The zone a resident takes on a visit, drawn from its own stream keyed by resident, place, day and visit
    /// number, so it depends on nothing else.
    /// </summary>
    public static int Choose(ulong seed, int resident, int place, int day, int visitOfDay, int zoneCount)
    {
        if (zoneCount <= 1)
        {
            return 0;
        }
        var stream = new RandomStream(seed, StreamPurpose.PlaceZone, ((ulong)(uint)resident << 32) | (uint)place, ((ulong)(uint)day << 16) ^ (uint)visitOfDay);
        return stream.NextInt(zoneCount);
    }
}
