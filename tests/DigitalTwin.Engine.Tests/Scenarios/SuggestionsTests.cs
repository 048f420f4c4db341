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

        Assert.Equal(["Mekelweg", "Mekelpark"], Suggestions.Nearest("Mekelwg", streets));
        Assert.Empty(Suggestions.Nearest("xyz", streets));
    }
}
