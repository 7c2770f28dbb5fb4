using IspPortal.Core.Backups;
using IspPortal.Core.Identity;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Backups.Endpoints;

public static class BackupEndpoints
{
    public static RouteGroupBuilder MapBackupEndpoints(this RouteGroupBuilder api)
    {
        var backups = api.MapGroup("/backups").RequireAuthorization(Permissions.BackupsWrite).WithTags("Backups");

        backups.MapPost("", async (StartBackup start, IBackgroundBackups background, CancellationToken cancellationToken) =>
            {
                var outcome = await start.ExecuteAsync(BackupTrigger.Manual, cancellationToken);
                if (outcome.Value is not { } run)
                {
                    return outcome.FirstError == StartBackup.AlreadyRunning
                        ? Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Pencadangan sedang berjalan", detail: outcome.FirstError)
                        : outcome.ToValidationProblem();
                }
                background.Continue(run.Id);
                return Results.Accepted($"/api/backups/{run.Id}", new BackupStarted(run.Id));
            })
            .Produces<BackupStarted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Start a backup now (database dump, photos, ticket attachments, manifest); one runs at a time. Follow it with GET /api/backups/{id}.");

        backups.MapGet("", async (BackupRuns runs, CancellationToken cancellationToken) =>
                TypedResults.Ok((await runs.LatestAsync(cancellationToken)).Select(BackupRunDto.From).ToList()))
            .WithSummary($"The latest backup runs, newest first (at most {BackupRuns.ListLimit}).");

        backups.MapGet("/{id:long}", async (long id, BackupRuns runs, CancellationToken cancellationToken) =>
                await runs.FindAsync(id, cancellationToken) is { } run
                    ? Results.Ok(BackupRunDto.From(run))
                    : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Cadangan tidak ditemukan", detail: $"Tidak ada proses pencadangan {id}."))
            .Produces<BackupRunDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("One backup run: Running, Succeeded (file, size, SHA-256) or Failed (error).");
        return api;
    }

    public static string DownloadUrl(long runId) => $"/backups/{runId}/download";

    public static IEndpointRouteBuilder MapBackupDownload(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/backups/{id:long}/download", async (long id, BackupRuns runs, IBackupArchives archives, HttpContext context, CancellationToken cancellationToken) =>
            {
                if (await runs.FindAsync(id, cancellationToken) is not { File: { } file } || archives.PathOf(file) is not { } path)
                    return Results.NotFound();
                context.Response.Headers.CacheControl = "private, no-store";
                return Results.File(path, "application/x-tar", file, enableRangeProcessing: true);
            })
            .RequireAuthorization(Permissions.BackupsWrite)
            .ExcludeFromDescription();
        return endpoints;
    }
}

public sealed record BackupStarted(long Id);

/// <param name="Status">Running, Succeeded or Failed.</param>
/// <param name="Sha256">SHA-256 of the archive file, hex.</param>
/// <param name="File">The archive's name in the backup folder; null when the run failed or retention removed it.</param>
public sealed record BackupRunDto(long Id, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, long? SizeBytes, string? Sha256, string? File, string? Error)
{
    public static BackupRunDto From(BackupRun run) =>
        new(run.Id, run.Status.ToString(), run.StartedAt, run.FinishedAt, run.SizeBytes, run.Sha256, run.File, run.Error);
}
