using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using IspPortal.Infrastructure.StandIns.RouterOs;

namespace IspPortal.Web.Host;

/// <summary>
/// <c>routeros-sim --listen 127.0.0.1:PORT --user USER --password PASS [--secrets N] [--active M] [--churn PER_MINUTE]</c>:
/// a simulated MikroTik router until Ctrl-C or SIGTERM. Needs no database, so it runs before the web host is built.
/// </summary>
public static class SimulatorCommand
{
    public static bool TryRun(string[] args, out Task<int> run)
    {
        run = Task.FromResult(0);
        if (args.Length == 0 || args[0] != PortalCommands.RouterOsSim)
            return false;
        run = RunAsync(args[1..]);
        return true;
    }

    public static RouterOsSimulatorOptions Parse(string[] args)
    {
        var options = new RouterOsSimulatorOptions { Listen = new IPEndPoint(IPAddress.Loopback, 8728) };
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--listen":
                    options.Listen = IPEndPoint.Parse(value);
                    break;
                case "--user":
                    options.User = value;
                    break;
                case "--password":
                    options.Password = value;
                    break;
                case "--secrets":
                    options.Secrets = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--active":
                    options.Active = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--churn":
                    options.ChurnPerMinute = double.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "--identity":
                    options.Identity = value;
                    break;
                case "--prefix":
                    options.SecretPrefix = value;
                    break;
                default:
                    throw new ArgumentException($"Unknown option {args[i]}.");
            }
            i++;
        }
        return options;
    }

    private static async Task<int> RunAsync(string[] args)
    {
        RouterOsSimulatorOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or OverflowException)
        {
            await Console.Error.WriteLineAsync($"{error.Message}\nUsage: {PortalCommands.RouterOsSim} --listen 127.0.0.1:PORT --user USER --password PASS [--secrets N] [--active M] [--churn PER_MINUTE]");
            return 2;
        }
        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await using var simulator = new RouterOsSimulator(options);
        await simulator.StartAsync(stop.Token);
        Console.WriteLine($"RouterOS simulator '{options.Identity}' listening on {simulator.EndPoint} (user {options.User}, {options.Secrets} secrets, {options.Active} active, churn {options.ChurnPerMinute}/min)");
        try
        {
            await Task.Delay(Timeout.Infinite, stop.Token);
        }
        catch (OperationCanceledException)
        {
        }
        await simulator.StopAsync();
        Console.WriteLine("RouterOS simulator stopped.");
        return 0;
    }
}
