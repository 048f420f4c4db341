namespace DigitalTwin.Engine.Places;

/// <summary>Destinations and third places that the model distinguishes (MODEL.md, "Places").</summary>
public enum PlaceKind : byte
{
    Shop = 0,
    Supermarket,
    Cafe,
    Restaurant,
    Pub,
    Market,
    Barber,
    School,
    Kindergarten,
    Playground,
    Park,
    CommunityCentre,
    PlaceOfWorship,
    TransitStop,
    Bench,
    Library,
    SportsCentre,
    Healthcare,
}
