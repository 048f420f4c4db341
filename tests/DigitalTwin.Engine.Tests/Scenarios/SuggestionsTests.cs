using DigitalTwin.Engine.Scenarios;

namespace DigitalTwin.Engine.Tests.Scenarios;

public class SuggestionsTests
{
    [Theory]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    [InlineData("Mekelweg", "Mekelweg", 0)]
    public void Distance_is_levenshtein(string a, string b, int expected) => Assert.Equal(expected, Suggestions.Distance(a, b));

    [Fact]
    public void Near_names_come_first_and_far_ones_not_at_all()
    {
        string[] streets = ["Mekelweg", "Mijnbouwstraat", "Michiel de Ruyterweg", "Schoemakerstraat", "Mekelpark"];

        // One clear match is not buried under distant ones; equally near ones are all offered, in a stable order.
        Assert.Equal(["Mekelweg"], Suggestions.Nearest("Mekelwg", streets));
        Assert.Equal(["Mekelpark", "Mekelweg"], Suggestions.Nearest("mekel", streets));
        Assert.Empty(Suggestions.Nearest("xyz", streets));
    }
}
