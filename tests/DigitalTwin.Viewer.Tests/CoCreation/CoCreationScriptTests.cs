using DigitalTwin.Viewer.CoCreation;

namespace DigitalTwin.Viewer.Tests.CoCreation;

public class CoCreationScriptTests
{
    [Fact]
    public void A_script_reads_as_its_steps()
    {
        Assert.True(CoCreationScript.TryParse("select:4242, 17 ; key:b; wait; key:U; cancel", out var steps, out string error), error);

        Assert.Equal(5, steps.Count);
        Assert.Equal(ScriptVerb.Select, steps[0].Verb);
        Assert.Equal([4242L, 17L], steps[0].WayIds);
        Assert.Equal((ScriptVerb.Key, 'B'), (steps[1].Verb, steps[1].Key));
        Assert.Equal(ScriptVerb.Wait, steps[2].Verb);
        Assert.Equal('U', steps[3].Key);
        Assert.Equal(ScriptVerb.Cancel, steps[4].Verb);
    }

    [Theory]
    [InlineData("select:", "give one or more OSM way ids")]
    [InlineData("select:abc", "'abc' is not an OSM way id")]
    [InlineData("key:BB", "a step is select:WAYID[,WAYID...], key:LETTER, pin:LON,LAT[,KIND[,COMMENT]], wait or cancel")]
    [InlineData("jump", "a step is select:WAYID[,WAYID...], key:LETTER, pin:LON,LAT[,KIND[,COMMENT]], wait or cancel")]
    public void A_wrong_step_is_named_with_what_is_expected(string script, string expected)
    {
        Assert.False(CoCreationScript.TryParse(script, out _, out string error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
