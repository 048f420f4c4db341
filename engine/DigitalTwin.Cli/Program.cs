namespace DigitalTwin.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        using var interruption = Outputs.Interruption.FromSignals();
        return TwinApp.Run(args, Terminal.FromConsole(), MapLoading.Services, interruption);
    }
}
