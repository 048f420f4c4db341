namespace DigitalTwin.Engine.Planning;

/// <summary>What a resident goes out for (MODEL.md step 1).</summary>
internal enum ActivityKind : byte
{
    Work = 0,
    School,
    Study,
    Groceries,
    Shopping,
    ThirdPlace,
    Park,
    Playground,
    Bench,
    Visit,
    DogWalk,
    SchoolRun,
    Worship,
    Sports,
    Community,
    Healthcare,

    /// <summary>Time in front of one's own home: at the door, in the front garden, on the front zone ('Delftse stoep').</summary>
    Stoep,

    /// <summary>A child playing in front of the home: in the street where it is calm, else on the pavement.</summary>
    StreetPlay,
}
