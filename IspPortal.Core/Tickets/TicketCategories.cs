using System.Text.RegularExpressions;
using IspPortal.Core.Common;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Core.Tickets;

/// <summary>SLA minutes (business time) for one priority.</summary>
public sealed record SlaMinutes(int FirstResponse, int Resolution);

public sealed record TicketCategoryInput(
    int? Id, string Code, string Name, string? Description, IReadOnlyList<string> Keywords, TicketPriority DefaultPriority,
    IReadOnlyDictionary<TicketPriority, SlaMinutes> Sla, string? EscalationRoleLevel1, string? EscalationRoleLevel2, string? EscalationRoleLevel3,
    int SortOrder, bool IsActive = true, IReadOnlyList<Guid?>? EscalationUsers = null)
{
    public static TicketCategoryInput From(TicketCategory c) => new(c.Id, c.Code, c.Name, c.Description, c.Keywords, c.DefaultPriority,
        Enum.GetValues<TicketPriority>().ToDictionary(p => p, p => Minutes(c.SlaFor(p))),
        c.EscalationRoleLevel1, c.EscalationRoleLevel2, c.EscalationRoleLevel3, c.SortOrder, c.IsActive,
        [c.EscalationUserIdLevel1, c.EscalationUserIdLevel2, c.EscalationUserIdLevel3]);

    private static SlaMinutes Minutes((TimeSpan FirstResponse, TimeSpan Resolution) sla) =>
        new((int)sla.FirstResponse.TotalMinutes, (int)sla.Resolution.TotalMinutes);

    public static string SlaField(TicketPriority priority) => $"Sla.{priority}";

    public static string EscalationField(int level) => $"EscalationRoleLevel{level}";

    public static string EscalationUserField(int level) => $"EscalationUserLevel{level}";
}

/// <summary>
/// Ticket categories for Pengaturan → Kategori tiket: list, create, edit, switch off. Codes and names are
/// unique (the database's indexes decide); each priority's first response comes before its resolution;
/// escalation goes to roles that exist. Categories are never deleted: tickets keep theirs.
/// </summary>
public sealed partial class TicketCategories(IIspDbFactory dbs, SaveGuard guard, TimeProvider clock)
{
    public const string CodeUniqueIndex = "ux_ticket_categories_code";
    public const string NameUniqueIndex = "ux_ticket_categories_name";
    public const int MaxKeywords = 50;
    public const int KeywordMaxLength = 60;
    /// <summary>A year of business minutes is more than any SLA needs.</summary>
    public const int MaxSlaMinutes = 525_600;

    public async Task<IReadOnlyList<TicketCategory>> ListAsync(bool activeOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.TicketCategories.AsNoTracking().Where(c => !activeOnly || c.IsActive)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
    }

    /// <summary>The people escalation may name: active users, by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UsersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.FullName).Select(u => new { u.Id, u.FullName }).ToListAsync(cancellationToken);
        return [.. users.Select(u => (u.Id, u.FullName))];
    }

    /// <summary>The roles escalation may go to.</summary>
    public async Task<IReadOnlyList<string>> RolesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        return await db.Roles.AsNoTracking().Select(r => r.Name!).OrderBy(n => n).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<TicketCategory>> SaveAsync(TicketCategoryInput input, CancellationToken cancellationToken = default)
    {
        var code = input.Code?.Trim().ToUpperInvariant() ?? "";
        var name = input.Name?.Trim() ?? "";
        var keywords = input.Keywords.Select(k => k.Trim().ToLowerInvariant()).Where(k => k.Length > 0).Distinct().ToList();
        var escalation = new[] { input.EscalationRoleLevel1, input.EscalationRoleLevel2, input.EscalationRoleLevel3 }
            .Select(r => string.IsNullOrWhiteSpace(r) ? null : r.Trim()).ToArray();

        await using var db = await dbs.CreateAsync(cancellationToken);
        var roles = await db.Roles.AsNoTracking().Select(r => r.Name!).ToListAsync(cancellationToken);
        var errors = new FieldErrors()
            .When(!CodeFormat().IsMatch(code), nameof(input.Code), $"Kode kategori 2–{TicketCategory.CodeMaxLength} karakter: huruf besar, angka atau '-'.")
            .When(name.Length is 0 or > TicketCategory.NameMaxLength, nameof(input.Name), $"Nama kategori wajib diisi (maks. {TicketCategory.NameMaxLength} karakter).")
            .When(keywords.Count > MaxKeywords, nameof(input.Keywords), $"Paling banyak {MaxKeywords} kata kunci.")
            .When(keywords.Any(k => k.Length > KeywordMaxLength), nameof(input.Keywords), $"Satu kata kunci paling banyak {KeywordMaxLength} karakter.")
            .When(!Enum.IsDefined(input.DefaultPriority), nameof(input.DefaultPriority), "Pilih prioritas bawaan.")
            .When(input.SortOrder is < 0 or > 10_000, nameof(input.SortOrder), "Urutan 0–10000.");
        foreach (var priority in Enum.GetValues<TicketPriority>())
        {
            var field = TicketCategoryInput.SlaField(priority);
            if (!input.Sla.TryGetValue(priority, out var sla))
                errors.Add(field, $"Isi SLA untuk prioritas {TicketLabels.Priority(priority).ToLowerInvariant()}.");
            else if (sla.FirstResponse is < 1 or > MaxSlaMinutes || sla.Resolution is < 1 or > MaxSlaMinutes)
                errors.Add(field, $"SLA prioritas {TicketLabels.Priority(priority).ToLowerInvariant()}: menit harus 1–{MaxSlaMinutes}.");
            else if (sla.FirstResponse > sla.Resolution)
                errors.Add(field, $"SLA prioritas {TicketLabels.Priority(priority).ToLowerInvariant()}: respons pertama tidak boleh lebih lama dari penyelesaian.");
        }
        var people = Enumerable.Range(0, Ticket.MaxEscalationLevel).Select(i => input.EscalationUsers?.ElementAtOrDefault(i)).ToArray();
        var named = people.OfType<Guid>().ToList();
        var active = await db.Users.AsNoTracking().Where(u => named.Contains(u.Id) && u.IsActive).Select(u => u.Id).ToListAsync(cancellationToken);
        for (var level = 1; level <= Ticket.MaxEscalationLevel; level++)
        {
            var role = escalation[level - 1];
            errors.When(role is not null && !roles.Contains(role, StringComparer.Ordinal), TicketCategoryInput.EscalationField(level), $"Peran {role} tidak ada.");
            errors.When(people[level - 1] is { } person && !active.Contains(person), TicketCategoryInput.EscalationUserField(level),
                "Pengguna ini tidak ada atau tidak aktif.");
        }
        if (errors.Any)
            return Outcome.Refused<TicketCategory>(errors);

        TicketCategory? category;
        if (input.Id is { } id)
        {
            category = await db.TicketCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (category is null)
                return Outcome.Refused<TicketCategory>("", "Kategori tidak ditemukan.");
        }
        else
        {
            category = new TicketCategory { CreatedAt = clock.GetUtcNow() };
            db.TicketCategories.Add(category);
        }
        category.Code = code;
        category.Name = name;
        category.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        category.Keywords = keywords;
        category.DefaultPriority = input.DefaultPriority;
        (category.FirstResponseMinutesLow, category.ResolutionMinutesLow) = (input.Sla[TicketPriority.Low].FirstResponse, input.Sla[TicketPriority.Low].Resolution);
        (category.FirstResponseMinutesMedium, category.ResolutionMinutesMedium) = (input.Sla[TicketPriority.Medium].FirstResponse, input.Sla[TicketPriority.Medium].Resolution);
        (category.FirstResponseMinutesHigh, category.ResolutionMinutesHigh) = (input.Sla[TicketPriority.High].FirstResponse, input.Sla[TicketPriority.High].Resolution);
        (category.FirstResponseMinutesUrgent, category.ResolutionMinutesUrgent) = (input.Sla[TicketPriority.Urgent].FirstResponse, input.Sla[TicketPriority.Urgent].Resolution);
        (category.EscalationRoleLevel1, category.EscalationRoleLevel2, category.EscalationRoleLevel3) = (escalation[0], escalation[1], escalation[2]);
        (category.EscalationUserIdLevel1, category.EscalationUserIdLevel2, category.EscalationUserIdLevel3) = (people[0], people[1], people[2]);
        category.SortOrder = input.SortOrder;
        category.IsActive = input.IsActive;

        return await guard.SaveAsync(db, category, new Dictionary<string, (string, string)>
        {
            [CodeUniqueIndex] = (nameof(input.Code), $"Kode kategori {code} sudah dipakai."),
            [NameUniqueIndex] = (nameof(input.Name), $"Nama kategori {name} sudah dipakai."),
        }, cancellationToken: cancellationToken);
    }

    /// <summary>Switches a category off (triage no longer picks it) or on again.</summary>
    public async Task<Outcome<TicketCategory>> SetActiveAsync(int id, bool active, CancellationToken cancellationToken = default)
    {
        await using var db = await dbs.CreateAsync(cancellationToken);
        var category = await db.TicketCategories.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (category is null)
            return Outcome.Refused<TicketCategory>("", "Kategori tidak ditemukan.");
        category.IsActive = active;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done(category);
    }

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,31}$")]
    private static partial Regex CodeFormat();
}
