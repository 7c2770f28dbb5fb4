using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Reports.Saved;

/// <summary>
/// Save a report with its filters under a name, rename it or change its filters, delete it, list them (one's own; Admin sees all).
/// The report's source checks the filters and the actor's permissions for that report when it is saved.
/// </summary>
public sealed class SavedReports(IIspDbFactory dbs, ICurrentUser currentUser, ReportCatalog catalog, IspClock ispClock, IDatabaseErrors errors, TimeProvider clock)
{
    public const string NameTaken = "Nama ini sudah dipakai untuk laporan tersimpan Anda.";
    public const string BadName = "Nama wajib diisi, paling panjang 100 karakter.";
    public const string UnknownReport = "Laporan tidak dikenal.";

    /// <param name="id">Null to save a new one; else the saved report to rename or re-filter (its report stays the same).</param>
    public async Task<Outcome<int>> SaveAsync(int? id, SavedReportInput input, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        if (actor.UserId is not { } userId)
            return Outcome.Refused<int>("", SavedReportAccess.UsersOnly);
        if (catalog.Find(input.ReportKey) is not { } source)
            return Outcome.Refused<int>("reportKey", UnknownReport);
        if (!source.MayRead(actor))
            return Outcome.Refused<int>("", Actor.NotPermitted);
        var name = (input.Name ?? "").Trim();
        var parameters = ReportParameters.Parse(input.Query, input.Period);
        var problems = source.Check(parameters).When(name.Length is 0 or > SavedReport.NameMaxLength || name.Any(char.IsControl), "name", BadName);
        if (problems.Any)
            return Outcome.Refused<int>(problems);
        var query = source.Normalise(parameters).Query;

        await using var db = await dbs.CreateAsync(cancellationToken);
        var now = clock.GetUtcNow();
        SavedReport report;
        if (id is null)
        {
            report = new SavedReport(userId, name, source.Key, input.Period, query, now);
            db.SavedReports.Add(report);
        }
        else
        {
            if (await db.SavedReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } found)
                return Outcome.Refused<int>("", SavedReportAccess.NotFound);
            if (!SavedReportAccess.MayEdit(actor, found))
                return Outcome.Refused<int>("", Actor.NotPermitted);
            if (found.ReportKey != source.Key)
                return Outcome.Refused<int>("reportKey", "Jenis laporan tidak dapat diubah; simpan sebagai laporan baru.");
            report = found;
            report.Rename(name, now);
            report.ChangeFilters(input.Period, query, now);
        }
        if (await db.SavedReports.AnyAsync(r => r.OwnerId == report.OwnerId && r.Name == name && r.Id != report.Id, cancellationToken))
            return Outcome.Refused<int>("name", NameTaken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (errors.UniqueViolation(exception) is not null)
        {
            return Outcome.Refused<int>("name", NameTaken);
        }
        return Outcome.Done(report.Id);
    }

    /// <summary>Deletes the saved report with its schedules and their delivery history.</summary>
    public async Task<Outcome<bool>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        await using var db = await dbs.CreateAsync(cancellationToken);
        if (await db.SavedReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } report)
            return Outcome.Refused<bool>("", SavedReportAccess.NotFound);
        if (!SavedReportAccess.MayEdit(actor, report))
            return Outcome.Refused<bool>("", Actor.NotPermitted);
        db.SavedReports.Remove(report);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(true);
    }

    /// <summary>The actor's saved reports (Admin: everyone's), by name, each with its schedules and its link resolved on today.</summary>
    public async Task<Outcome<IReadOnlyList<SavedReportView>>> ListAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.GetAsync(cancellationToken);
        if (!actor.Holds(Permissions.ReportsRead))
            return Outcome.Refused<IReadOnlyList<SavedReportView>>("", Actor.NotPermitted);
        var all = SavedReportAccess.IsAdmin(actor);
        await using var db = await dbs.CreateAsync(cancellationToken);
        var reports = await db.SavedReports.AsNoTracking().Where(r => all || r.OwnerId == actor.UserId)
            .OrderBy(r => r.Name).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var ids = reports.Select(r => r.Id).ToList();
        var owners = reports.Select(r => r.OwnerId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => u.FullName.Length > 0 ? u.FullName : u.UserName ?? "", cancellationToken);
        var schedules = (await db.ReportSchedules.AsNoTracking().Where(s => ids.Contains(s.SavedReportId)).OrderBy(s => s.Id).ToListAsync(cancellationToken))
            .ToLookup(s => s.SavedReportId);
        var today = await ispClock.TodayAsync(cancellationToken);
        return Outcome.Done<IReadOnlyList<SavedReportView>>([.. reports.Select(r => View(r, names.GetValueOrDefault(r.OwnerId, ""), schedules[r.Id], today))]);
    }

    private SavedReportView View(SavedReport report, string owner, IEnumerable<ReportSchedule> schedules, DateOnly today)
    {
        var source = catalog.Find(report.ReportKey);
        return new SavedReportView(report.Id, report.Name, report.ReportKey, source?.Title ?? report.ReportKey, report.Period, report.Parameters,
            report.OwnerId, owner, source?.Link(report.Filters, today) ?? "", report.UpdatedAt, [.. schedules.Select(ReportSchedules.View)]);
    }
}
