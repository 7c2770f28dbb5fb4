using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace IspPortal.Infrastructure.Backups;

/// <summary>
/// pg_dump and pg_restore, found as the local cluster finds initdb: <c>Backup:PgDumpPath</c>, else
/// PATH, else the newest /usr/lib/postgresql/&lt;version&gt;/bin. The connection goes in the
/// environment (PGHOST, PGPASSWORD...), never on the command line, so no process list or log shows it.
/// </summary>
public sealed class PostgresClientTools(string? configuredPgDump)
{
    public const string PgDumpPathKey = "Backup:PgDumpPath";

    public string PgDump => Locate("pg_dump");

    public string PgRestore => Locate("pg_restore");

    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        start.Environment["PGHOST"] = connection.Host;
        start.Environment["PGPORT"] = connection.Port.ToString(CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = connection.Database;
        start.Environment["PGUSER"] = connection.Username;
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        start.Environment["PGCONNECT_TIMEOUT"] = "30";
        if (connection.SslMode is SslMode.Require or SslMode.VerifyCA or SslMode.VerifyFull)
            start.Environment["PGSSLMODE"] = connection.SslMode.ToString().ToLowerInvariant() switch { "verifyca" => "verify-ca", "verifyfull" => "verify-full", var mode => mode };
        start.Environment["LC_ALL"] = "C.UTF-8";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Path.GetFileName(program)}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        await output;
        var message = (await error).Trim();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed (exit {process.ExitCode}): {Last(message, 1000)}");
    }

    private string Locate(string program)
    {
        if (configuredPgDump is { Length: > 0 })
        {
            var configured = program == "pg_dump" ? configuredPgDump : Path.Combine(Path.GetDirectoryName(configuredPgDump) ?? "", program);
            return File.Exists(configured) ? configured
                : throw new InvalidOperationException($"{program} was not found at '{configured}' ({PgDumpPathKey}).");
        }
        return FindOnPath(program) ?? FindInDebianLayout(program)
            ?? throw new InvalidOperationException(
                $"{program} was not found on PATH or under /usr/lib/postgresql/<version>/bin. Install the client, e.g. 'apt-get install -y postgresql-client', or set Backup__PgDumpPath.");
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, program))
            .FirstOrDefault(File.Exists);

    private static string? FindInDebianLayout(string program)
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
            return null;
        return Directory.GetDirectories(root)
            .Select(folder => (folder, version: decimal.TryParse(Path.GetFileName(folder), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(candidate => candidate.version >= 0 && File.Exists(Path.Combine(candidate.folder, "bin", program)))
            .OrderByDescending(candidate => candidate.version)
            .Select(candidate => Path.Combine(candidate.folder, "bin", program))
            .FirstOrDefault();
    }

    private static string Last(string text, int length) => text.Length > length ? text[^length..] : text;
}
