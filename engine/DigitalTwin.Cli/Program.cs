namespace DigitalTwin.Cli;

public static class Program
{
    public static int Main(string[] args) => TwinApp.Run(args, Terminal.FromConsole(), MapLoading.Services);
}
