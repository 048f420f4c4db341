namespace DigitalTwin.Engine.Planning;

/// <summary>What a resident goes out for (MODEL.md step 1).</summary>
public enum ActivityKind : byte
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

    /// <summary>Sitting out on the front zone ('Delftse stoep') of one's own home.</summary>
    Stoep,
}
