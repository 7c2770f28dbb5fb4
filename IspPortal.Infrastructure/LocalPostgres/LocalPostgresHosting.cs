using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IspPortal.Infrastructure.LocalPostgres;

public static class LocalPostgresHosting
{
    public const string DataDirectoryVariable = "ISPPORTAL_DATA";
    public const string PortVariable = "ISPPORTAL_PG_PORT";
    public const string DemoEnabledKey = "Demo:Enabled";
    public const string DatabaseName = "ispportal";
    public const int DefaultPort = 5433;

    // With no ConnectionStrings:Default the portal runs as a demo on a private cluster under
    // $ISPPORTAL_DATA (default ./.data): the connection string is pointed at it and Demo:Enabled
    // is set, so the demo seed runs. With a connection string this does nothing.
    public static TBuilder AddLocalPostgresWhenUnconfigured<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        if (!string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(DependencyInjection.ConnectionStringName)))
        {
            return builder;
        }

        var dataDirectory = builder.Configuration[DataDirectoryVariable] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Directory.GetCurrentDirectory(), ".data");
        var portSetting = builder.Configuration[PortVariable];
        var port = DefaultPort;
        if (!string.IsNullOrWhiteSpace(portSetting)
            && !int.TryParse(portSetting, NumberStyles.None, CultureInfo.InvariantCulture, out port))
        {
            throw new InvalidOperationException($"{PortVariable} must be a port number (0 picks a free one), not '{portSetting}'.");
        }

        var cluster = StartDemoCluster(new LocalPostgresOptions
        {
            DataDirectory = dataDirectory,
            Port = port,
            // The default port may be held by another PostgreSQL; an explicit one must be honoured or fail.
            FallBackToFreePort = string.IsNullOrWhiteSpace(portSetting),
        }).GetAwaiter().GetResult();

        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"ConnectionStrings:{DependencyInjection.ConnectionStringName}"] = cluster.ConnectionString(DatabaseName),
            [DemoEnabledKey] = "true",
        });
        builder.Services.AddSingleton(cluster);
        builder.Services.AddHostedService<LocalPostgresLifetime>();
        // Also for verbs that exit without running the host (migrate, seed-demo) and for SIGTERM.
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Stop();
        Console.WriteLine($"Private PostgreSQL on 127.0.0.1:{cluster.Port}, database '{DatabaseName}', data in {cluster.DataDirectory}");
        return builder;
    }

    private static async Task<LocalPostgresCluster> StartDemoCluster(LocalPostgresOptions options)
    {
        var cluster = await LocalPostgresCluster.StartAsync(options);
        try
        {
            if (!await cluster.DatabaseExistsAsync(DatabaseName))
            {
                await cluster.CreateDatabaseAsync(DatabaseName);
            }

            return cluster;
        }
        catch
        {
            await cluster.StopAsync();
            throw;
        }
    }
}

// Stops the private cluster after everything else in the host has stopped (Ctrl-C, SIGTERM).
internal sealed class LocalPostgresLifetime(LocalPostgresCluster cluster) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => cluster.StopAsync();
}
