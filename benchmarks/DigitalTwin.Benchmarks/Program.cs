using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using DigitalTwin.Benchmarks;
using DigitalTwin.Benchmarks.Scale;
using DigitalTwin.Benchmarks.Sumo;


CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Subcommands: the scale runner, one scale point (what the runner starts in a child process), the SUMO comparison;
// anything else goes to BenchmarkDotNet's switcher (e.g. `--filter '*'`, `--list flat`), with `--quick` for CI.
string command = args.Length > 0 ? args[0] : "";
var rest = args.Skip(1).ToArray();
return command switch
{
    "scale" => ScaleRunner.Execute(CommandArguments.Parse(rest), Console.Out),
    ScalePointRunner.Command => ScalePointRunner.Execute(CommandArguments.Parse(rest), Console.Out),
    "sumo-compare" => SumoCompare.Execute(CommandArguments.Parse(rest), Console.Out),

    _ => RunMicroBenchmarks(args),
};

static int RunMicroBenchmarks(string[] args)
{
    bool quick = args.Contains("--quick");
    var remaining = args.Where(a => a != "--quick").ToArray();
    IConfig config = MicroConfig.Create(quick);
    var summaries = BenchmarkSwitcher.FromAssembly(typeof(MicroConfig).Assembly).Run(remaining, config);
    return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
}
