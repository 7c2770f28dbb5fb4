using System.Diagnostics;
using System.Globalization;

namespace IspPortal.Infrastructure.LocalPostgres;

// Runs the PostgreSQL server programs (initdb, pg_ctl). PostgreSQL refuses to run as root, so as
// root every program runs as the "postgres" system user through runuser.
internal sealed class PostgresServerCommands
{
    private const string ServiceUser = "postgres";

    private PostgresServerCommands(string binDirectory, bool asServiceUser)
    {
        BinDirectory = binDirectory;
        RunsAsServiceUser = asServiceUser;
    }

    public string BinDirectory { get; }

    public bool RunsAsServiceUser { get; }

    public static PostgresServerCommands Locate(string? binDirectory)
    {
        var found = binDirectory ?? FindOnPath() ?? FindInDebianLayout()
            ?? throw new InvalidOperationException(
                "PostgreSQL server programs (initdb, pg_ctl) were not found on PATH or under /usr/lib/postgresql/<version>/bin. " +
                "Install the server, e.g. 'apt-get install -y postgresql'.");
        if (!File.Exists(Path.Combine(found, "initdb")) || !File.Exists(Path.Combine(found, "pg_ctl")))
        {
            throw new InvalidOperationException($"'{found}' does not contain initdb and pg_ctl.");
        }

        return new PostgresServerCommands(found, string.Equals(Environment.UserName, "root", StringComparison.Ordinal));
    }

    public async Task<CommandResult> RunAsync(string program, IReadOnlyList<string> arguments, string workingDirectory, bool newSession = false, CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The service user may not be allowed into the caller's current directory.
            WorkingDirectory = workingDirectory,
        };
        var command = new List<string>();
        // A session of its own keeps Ctrl-C in the terminal from reaching the server directly:
        // the host stops it in order, after the application is done with it.
        if (newSession && File.Exists("/usr/bin/setsid"))
        {
            command.Add("/usr/bin/setsid");
        }

        if (RunsAsServiceUser)
        {
            command.AddRange(["runuser", "-u", ServiceUser, "--"]);
        }

        command.Add(Path.Combine(BinDirectory, program));
        command.AddRange(arguments);
        start.FileName = command[0];
        foreach (var argument in command.Skip(1))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C.UTF-8";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new CommandResult(process.ExitCode, (await output) + (await error));
    }

    public async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!RunsAsServiceUser)
        {
            return;
        }

        var start = new ProcessStartInfo("chown") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-R", $"{ServiceUser}:{ServiceUser}", path })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start chown.");
        var error = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"Could not give '{path}' to the '{ServiceUser}' user (is the PostgreSQL server installed?): {error.Trim()}");
        }
    }

    private static string? FindOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));

    private static string? FindInDebianLayout()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.GetDirectories(root)
            .Select(folder => (folder, version: decimal.TryParse(Path.GetFileName(folder), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(candidate => candidate.version >= 0 && File.Exists(Path.Combine(candidate.folder, "bin", "initdb")))
            .OrderByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.folder, "bin"))
            .FirstOrDefault();
    }
}

internal sealed record CommandResult(int ExitCode, string Output)
{
    public bool Succeeded => ExitCode == 0;
}
