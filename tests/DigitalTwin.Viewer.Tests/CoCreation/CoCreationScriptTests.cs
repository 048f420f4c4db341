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

    [Fact]
    public void Clicks_typed_text_and_named_keys_read_as_a_participant_would_enter_a_pin()
    {
        Assert.True(CoCreationScript.TryParse("key:O; click:4.37,52.001; type:Bench,  please ; key:enter; key:Esc; key:BACKSPACE", out var steps, out string error), error);

        Assert.Equal((ScriptVerb.Click, 4.37, 52.001), (steps[1].Verb, steps[1].Pin!.Longitude, steps[1].Pin!.Latitude));
        // Inner spaces and the comma are the participant's; only the step's ends are trimmed.
        Assert.Equal((ScriptVerb.Type, "Bench,  please"), (steps[2].Verb, steps[2].Text.Trim()));
        Assert.Equal([257, 256, 259], steps.Skip(3).Select(s => (int)s.Key));
    }

    [Theory]
    [InlineData("select:", "give one or more OSM way ids")]
    [InlineData("select:abc", "'abc' is not an OSM way id")]
    [InlineData("key:BB", "a step is select:WAYID[,WAYID...], key:LETTER (or ENTER, ESC, BACKSPACE), pin:LON,LAT[,KIND[,COMMENT]], click:LON,LAT, type:TEXT, wait or cancel")]
    [InlineData("jump", "a step is select:WAYID[,WAYID...], key:LETTER (or ENTER, ESC, BACKSPACE), pin:LON,LAT[,KIND[,COMMENT]], click:LON,LAT, type:TEXT, wait or cancel")]
    [InlineData("click:4.37", "a click is click:LON,LAT")]
    [InlineData("click:4.37,52.0,unsafe", "a click is click:LON,LAT")]
    public void A_wrong_step_is_named_with_what_is_expected(string script, string expected)
    {
        Assert.False(CoCreationScript.TryParse(script, out _, out string error));

        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
