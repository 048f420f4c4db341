namespace DigitalTwin.Engine.Population;

/// <summary>Shares of residents by CBS age band. Any non-negative weights; <see cref="Normalised"/> makes them sum to 1.</summary>
public readonly record struct AgeShares(double Child, double Youth, double YoungAdult, double MiddleAge, double Older)
{
    public double this[AgeBand band] => band switch
    {
        AgeBand.Child => Child,
        AgeBand.Youth => Youth,
        AgeBand.YoungAdult => YoungAdult,
        AgeBand.MiddleAge => MiddleAge,
        _ => Older,
    };

    public double Total => Child + Youth + YoungAdult + MiddleAge + Older;

    public bool IsValid => Child >= 0 && Youth >= 0 && YoungAdult >= 0 && MiddleAge >= 0 && Older >= 0 && Total > 0;

    public AgeShares Normalised()
    {
        double t = Total;
        return new(Child / t, Youth / t, YoungAdult / t, MiddleAge / t, Older / t);
    }
}

/// <summary>Shares of residents by origin (a_nl_all, a_eur_al, a_neu_al).</summary>
public readonly record struct BackgroundShares(double Dutch, double European, double NonEuropean)
{
    public double Total => Dutch + European + NonEuropean;

    public bool IsValid => Dutch >= 0 && European >= 0 && NonEuropean >= 0 && Total > 0;

    public BackgroundShares Normalised()
    {
        double t = Total;
        return new(Dutch / t, European / t, NonEuropean / t);
    }
}

/// <summary>Shares of households by type (a_1p_hh, a_hh_z_k, a_hh_m_k).</summary>
public readonly record struct HouseholdTypeShares(double OnePerson, double WithoutChildren, double WithChildren)
{
    public double Total => OnePerson + WithoutChildren + WithChildren;

    public bool IsValid => OnePerson >= 0 && WithoutChildren >= 0 && WithChildren >= 0 && Total > 0;

    public HouseholdTypeShares Normalised()
    {
        double t = Total;
        return new(OnePerson / t, WithoutChildren / t, WithChildren / t);
    }
}

/// <summary>Shares of 15–75 year-olds by highest education attained (a_opl_lg, a_opl_md, a_opl_hg).</summary>
public readonly record struct EducationShares(double Low, double Middle, double High)
{
    public double Total => Low + Middle + High;

    public bool IsValid => Low >= 0 && Middle >= 0 && High >= 0 && Total > 0;

    public EducationShares Normalised()
    {
        double t = Total;
        return new(Low / t, Middle / t, High / t);
    }
}

/// <summary>Probabilities of the three income groups for one kind of household.</summary>
public readonly record struct IncomeShares(double Low, double Middle, double High);

/// <summary>
/// A value per age group, for the model parameters that change with age (living alone, employment, mobility
/// limitations). The 65+ band is split at 75 because mobility and living arrangements change most there.
/// </summary>
public readonly record struct AgeGroupValues(
    double Child, double Youth, double YoungAdult, double MiddleAge, double Age65To74, double Age75Plus)
{
    public double At(int ageYears) => ageYears switch
    {
        < 15 => Child,
        < 25 => Youth,
        < 45 => YoungAdult,
        < 65 => MiddleAge,
        < 75 => Age65To74,
        _ => Age75Plus,
    };
}
