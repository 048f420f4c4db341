using System.Reflection;
using System.Text.RegularExpressions;
using DigitalTwin.Engine.Population;
using DigitalTwin.Engine.Simulation;
using DigitalTwin.TestKit;

namespace DigitalTwin.Engine.Tests.Simulation;

public class ParameterRegistryTests
{
    private static readonly SimulationParameters Defaults = SimulationParameters.Default;

    [Fact]
    public void Every_property_of_every_component_is_a_documented_parameter_or_marked_as_not_one()
    {
        var expected = new List<string>();
        foreach (PropertyInfo group in typeof(SimulationParameters).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (group.GetCustomAttribute<NotAParameterAttribute>() is not null)
            {
                continue;
            }
            Assert.True(group.PropertyType.IsClass, $"SimulationParameters.{group.Name} must be a parameter record or [NotAParameter]");
            foreach (PropertyInfo property in group.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                bool parameter = property.GetCustomAttribute<ParameterAttribute>() is not null;
                bool excluded = property.GetCustomAttribute<NotAParameterAttribute>() is not null;
                Assert.True(parameter ^ excluded, $"{group.PropertyType.Name}.{property.Name} needs exactly one of [Parameter] or [NotAParameter]");
                if (!parameter)
                {
                    continue;
                }
                string name = Camel(group.Name) + "." + Camel(property.Name);
                if (property.PropertyType.IsPrimitive)
                {
                    expected.Add(name);
                }
                else
                {
                    expected.AddRange(property.PropertyType.GetProperties().Select(f => name + "." + Camel(f.Name)));
                }
            }
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), ParameterRegistry.Names);
        Assert.Contains(typeof(SimulationParameters).GetProperties(), g => g.PropertyType == typeof(PopulationParameters));
    }

    [Fact]
    public void Non_model_settings_are_excluded_by_design()
    {
        Assert.DoesNotContain("routing.treeCacheBytes", ParameterRegistry.Names);
        Assert.DoesNotContain("encounters.maxThreads", ParameterRegistry.Names);
        Assert.DoesNotContain(ParameterRegistry.Names, n => n.StartsWith("replaySampleResidents", StringComparison.Ordinal));
        Assert.DoesNotContain("population.overfillWarningRatio", ParameterRegistry.Names);
    }

    [Fact]
    public void Every_parameter_has_its_default_inside_its_range_a_source_and_the_records_value()
    {
        Assert.All(ParameterRegistry.All.Values, p =>
        {
            Assert.True(p.Min < p.Max, p.Name);
            Assert.True(p.Allows(p.Default), $"{p.Name} default {p.Default} outside [{p.Min}, {p.Max}]");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
            Assert.Equal(p.Default, Defaults.ValueOf(p.Name));
        });
        Assert.Equal(3.7, ParameterRegistry.All["encounters.socialDistanceMetres"].Default);
        Assert.Equal(50, ParameterRegistry.All["routing.turnPenaltyMetres"].Default);
        Assert.Equal(0.19, ParameterRegistry.All["planning.dogHouseholdShare"].Default);
        Assert.Equal(0.75, ParameterRegistry.All["population.employmentRate.youth"].Default);
        Assert.True(ParameterRegistry.All["familiarity.familiarStrangerDays"].IsInteger);
    }

    [Fact]
    public void Overrides_reach_the_right_nested_record_and_leave_the_defaults_alone()
    {
        SimulationParameters changed = Defaults.With(new Dictionary<string, double>
        {
            ["routing.turnPenaltyMetres"] = 40,
            ["encounters.socialDistanceMetres"] = 2.5,
            ["familiarity.familiarStrangerDays"] = 4,
            ["population.employmentRate.youth"] = 0.5,
            ["population.renterHighEducationIncome.low"] = 0.1,
        });

        Assert.Equal(40, changed.Routing.TurnPenaltyMetres);
        Assert.Equal(2.5, changed.Encounters.SocialDistanceMetres);
        Assert.Equal(4, changed.Familiarity.FamiliarStrangerDays);
        Assert.Equal(Defaults.Population.EmploymentRate with { Youth = 0.5 }, changed.Population.EmploymentRate);
        Assert.Equal(Defaults.Population.RenterHighEducationIncome with { Low = 0.1 }, changed.Population.RenterHighEducationIncome);
        // Only what was overridden differs; untouched groups are the same objects.
        Assert.Equal(Defaults.Routing with { TurnPenaltyMetres = 40 }, changed.Routing);
        Assert.Equal(Defaults.Encounters with { SocialDistanceMetres = 2.5 }, changed.Encounters);
        Assert.Same(Defaults.Planning, changed.Planning);
        Assert.Same(Defaults.Nods, changed.Nods);
        Assert.Equal(50, Defaults.Routing.TurnPenaltyMetres);
        Assert.Equal(3.7, Defaults.Encounters.SocialDistanceMetres);
        Assert.Equal(0.75, Defaults.Population.EmploymentRate.Youth);
        Assert.Equal(2.5, changed.ValueOf("encounters.socialDistanceMetres"));
    }

    [Fact]
    public void Each_parameter_can_be_overridden_alone()
    {
        foreach (ParameterInfo info in ParameterRegistry.All.Values)
        {
            double value = info.Default == info.Max ? info.Min : info.Max;

            SimulationParameters changed = Defaults.With([new(info.Name, value)]);

            Assert.Equal(value, changed.ValueOf(info.Name));
            Assert.Equal(1, ParameterRegistry.Names.Count(n => changed.ValueOf(n) != Defaults.ValueOf(n)));
        }
    }

    [Fact]
    public void Unknown_names_out_of_range_values_and_fractions_for_whole_numbers_are_refused()
    {
        Assert.False(ParameterRegistry.All["familiarity.familiarStrangerDays"].Allows(2.5));
        Assert.False(ParameterRegistry.All["routing.turnPenaltyMetres"].Allows(-5));
        Assert.Throws<ArgumentException>(() => Defaults.With([new("turnPenaltyMetres", 40)]));
        Assert.Throws<ArgumentException>(() => Defaults.With([new("routing.turnPenaltyMetres", 501)]));
        Assert.Throws<ArgumentException>(() => Defaults.With([new("familiarity.familiarStrangerDays", 2.5)]));
    }

    [Fact]
    public void Every_parameter_is_read_by_the_engine_somewhere_besides_its_declaration()
    {
        string engine = Path.Combine(RepositoryFiles.Root, "engine", "DigitalTwin.Engine");
        string separator = Path.DirectorySeparatorChar.ToString();
        string[] sources = [.. Directory.EnumerateFiles(engine, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(separator + "obj" + separator, StringComparison.Ordinal) && !f.Contains(separator + "bin" + separator, StringComparison.Ordinal))
            .Select(File.ReadAllText)];

        var unread = ParameterRegistry.Names.Where(name =>
        {
            string last = name[(name.LastIndexOf('.') + 1)..];
            var property = new Regex($@"\b{char.ToUpperInvariant(last[0])}{last[1..]}\b");
            return sources.Sum(source => property.Count(source)) < 2;
        }).ToList();

        Assert.True(unread.Count == 0, "documented as parameters but never read: " + string.Join(", ", unread));
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
