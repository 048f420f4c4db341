namespace DigitalTwin.Engine.Observations;

/// <summary>
/// How residents' ratings and observed barriers enter the model (the <c>perceived-quality</c> intervention): a rating
/// of 3 changes nothing, each point above or below it makes a street feel shorter or longer to walk and cycle along
/// and a place draw more or fewer visitors; an observed barrier costs a fixed amount to pass.
/// </summary>
public sealed record PerceivedQualityParameters
{
    /// <summary>
    /// Change in a street's perceived length per rating point away from neutral (3). At 0.07 a street rated 1 feels 14 %
    /// longer and one rated 5 as much shorter: the strongest judgement a resident can give weighs as much as a busy road
    /// does in Sevtsuk &amp; Basu's (2022) route-choice estimates (+14 %), and half of active frontage (−28 %). What a street
    /// is like shifts walking routes (Foltête &amp; Piombini 2007: landscape features; Guo &amp; Loo 2013: the pedestrian
    /// environment), but no study gives a cost per point of a residents' rating: this is reasoned, to be calibrated.
    /// </summary>
    [Parameter("per rating point", 0, 0.2, "Reasoned: a rating of 1 or 5 weighs as much as a busy road in Sevtsuk & Basu 2022 (+14 %); street qualities shift routes (Foltête & Piombini 2007; Guo & Loo 2013)")]
    public double RouteCostChangePerRatingPoint { get; init; } = 0.07;

    /// <summary>
    /// Change in a place's pull per rating point away from neutral, as a factor exp(k · (rating − 3)): at 0.25 a place
    /// rated 5 draws 1.65 times as many visitors as its size alone would, one rated 1 0.61 times. Reasoned: the best
    /// rating counts as much as being 2.7 times the size (the gravity model weighs √capacity), so a rated café does not
    /// outdraw a supermarket; no study gives the figure.
    /// </summary>
    [Parameter("per rating point", 0, 1, "Reasoned: the best rating (5) draws as much as a place 2.7 times the size under the √capacity gravity weight")]
    public double AttractionPerRatingPoint { get; init; } = 0.25;

    /// <summary>
    /// Perceived metres added to passing a segment where residents observed a barrier. Broach &amp; Dill (2015) find an
    /// unsignalised crossing of a busy road costs walkers about as much as 70 m of walking; a barrier residents name
    /// is at least that hard to get past.
    /// </summary>
    [Parameter("m", 0, 1000, "Broach & Dill 2015: an unsignalised busy-road crossing costs about 70 m of walking")]
    public double ObservedBarrierMetres { get; init; } = 70;
}
