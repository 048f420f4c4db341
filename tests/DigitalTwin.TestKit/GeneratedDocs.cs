namespace DigitalTwin.TestKit;

/// <summary>
/// The documentation tests that may rewrite the schema and README (<see cref="ParameterDocs"/>, <see cref="InterventionDocs"/>)
/// share these files, so they run in one test collection, one at a time.
/// </summary>
internal static class GeneratedDocs
{
    public const string Collection = "generated scenario docs";
}
