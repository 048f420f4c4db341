namespace DigitalTwin.Engine.Tests.Scenarios;

public class ModelParametersTests
{
    [Fact]
    public void The_registry_lists_every_parameter_with_its_default_inside_its_range()
    {
        Assert.Contains("socialDistanceMetres", ModelParameters.Registry.Keys);
        Assert.All(ModelParameters.Registry.Values, p =>
        {
            Assert.True(p.Allows(p.Default), $"{p.Name} default {p.Default} outside [{p.Min}, {p.Max}]");
            Assert.False(string.IsNullOrWhiteSpace(p.Source), p.Name);
        });
        Assert.Equal(3.7, ModelParameters.Registry["socialDistanceMetres"].Default);
    }

    [Fact]
    public void Overrides_return_a_new_value_and_leave_the_default_alone()
    {
        ModelParameters changed = ModelParameters.Default.With(new Dictionary<string, double>
        {
            ["socialDistanceMetres"] = 2.5,
            ["familiarStrangerMinDays"] = 4,
        });

        Assert.Equal(2.5, changed.SocialDistanceMetres);
        Assert.Equal(4, changed.FamiliarStrangerMinDays);
        Assert.Equal(3.7, ModelParameters.Default.SocialDistanceMetres);
        Assert.Equal(2.5, changed.ValueOf("socialDistanceMetres"));
    }

    [Fact]
    public void Integer_parameters_reject_fractions() =>
        Assert.False(ModelParameters.Registry["familiarStrangerMinDays"].Allows(2.5));
}
