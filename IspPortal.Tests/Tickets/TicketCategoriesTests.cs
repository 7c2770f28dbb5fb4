using IspPortal.Core.Common;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>Pengaturan → Kategori tiket: what a category must satisfy, unique codes, switching one off.</summary>
public sealed class TicketCategoriesTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{

    [Fact]
    public async Task Each_rule_is_refused_on_its_field_and_nothing_is_written()
    {
        var sla = Sla();
        sla[TicketPriority.High] = new SlaMinutes(600, 300);
        sla[TicketPriority.Low] = new SlaMinutes(0, 300);
        var input = new TicketCategoryInput(null, "tagihan baru!", " ", null, ["bayar"], TicketPriority.Medium, sla, "NOC", "Direktur", null, 1);

        var outcome = await SaveAsync(input);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            [nameof(TicketCategoryInput.Code), nameof(TicketCategoryInput.Name), "Sla.Low", "Sla.High", "EscalationRoleLevel2"],
            outcome.Errors.Keys.ToArray());
        Assert.Equal("SLA prioritas tinggi: respons pertama tidak boleh lebih lama dari penyelesaian.", outcome.Errors["Sla.High"].Single());
        Assert.Equal("Peran Direktur tidak ada.", outcome.Errors["EscalationRoleLevel2"].Single());
        var missing = await SaveAsync(input with { Code = "X1", Name = "X", Sla = new Dictionary<TicketPriority, SlaMinutes>(), EscalationRoleLevel2 = null });
        Assert.Equal(4, missing.Errors.Keys.Count(k => k.StartsWith("Sla.", StringComparison.Ordinal)));
        await using var db = Database.CreateDbContext();
        Assert.Equal(["GANGGUAN"], await db.TicketCategories.Select(c => c.Code).ToListAsync());
    }

    [Fact]
    public async Task A_category_is_saved_edited_kept_unique_and_switched_off_for_triage()
    {
        var saved = await SaveAsync(new TicketCategoryInput(null, " tagihan ", "Tagihan & pembayaran", "Soal bayar", ["Bayar", " tagihan ", "bayar", "", "Invoice"],
            TicketPriority.Low, Sla(), "Staff", "Manager", "Admin", 30));
        Assert.True(saved.Succeeded, saved.FirstError);
        var category = saved.Value!;
        Assert.Equal("TAGIHAN", category.Code);
        Assert.Equal(["bayar", "tagihan", "invoice"], category.Keywords);

        var duplicate = await SaveAsync(TicketCategoryInput.From(category) with { Id = null, Name = "Lain" });
        Assert.Equal("Kode kategori TAGIHAN sudah dipakai.", duplicate.Errors[nameof(TicketCategoryInput.Code)].Single());

        var edited = await SaveAsync(TicketCategoryInput.From(category) with { Sla = Sla(first: 30), DefaultPriority = TicketPriority.High, EscalationRoleLevel3 = null });
        Assert.True(edited.Succeeded, edited.FirstError);
        await using (var db = Database.CreateDbContext())
        {
            var stored = await db.TicketCategories.SingleAsync(c => c.Code == "TAGIHAN");
            Assert.Equal((TicketPriority.High, 30, 600, null), (stored.DefaultPriority, stored.FirstResponseMinutesUrgent, stored.ResolutionMinutesUrgent, stored.EscalationRoleLevel3));
        }
        Assert.Equal("TAGIHAN", (await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Tagihan dobel", "", TicketChannel.Web))).CategoryCode);

        Assert.True((await Services.UseAsync<TicketCategories, Outcome<TicketCategory>>(c => c.SetActiveAsync(category.Id, false))).Succeeded);

        Assert.Null((await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Tagihan dobel", "", TicketChannel.Web))).CategoryCode);
        var active = await Services.UseAsync<TicketCategories, IReadOnlyList<TicketCategory>>(c => c.ListAsync(activeOnly: true));
        Assert.Equal(["GANGGUAN"], active.Select(c => c.Code));
    }

    [Fact]
    public async Task A_person_named_for_a_level_must_be_an_active_user()
    {
        var lead = await TicketTestData.AddUserAsync(Services, "noc-lead", IspPortal.Core.Identity.Roles.Noc);
        var input = new TicketCategoryInput(null, "PERANGKAT", "Perangkat", null, ["router"], TicketPriority.Medium, Sla(), "NOC", null, null, 5,
            EscalationUsers: [lead.Id, Guid.NewGuid(), null]);

        var refused = await SaveAsync(input);
        var saved = await SaveAsync(input with { EscalationUsers = [lead.Id, null, lead.Id] });

        Assert.Equal(["EscalationUserLevel2"], refused.Errors.Keys.ToArray());
        Assert.True(saved.Succeeded, saved.FirstError);
        Assert.Equal((lead.Id, null, lead.Id), (saved.Value!.EscalationUserIdLevel1, saved.Value.EscalationUserIdLevel2, saved.Value.EscalationUserIdLevel3));
    }

    private static Dictionary<TicketPriority, SlaMinutes> Sla(int first = 60) =>
        Enum.GetValues<TicketPriority>().ToDictionary(p => p, _ => new SlaMinutes(first, 600));

    private Task<Outcome<TicketCategory>> SaveAsync(TicketCategoryInput input) =>
        Services.UseAsync<TicketCategories, Outcome<TicketCategory>>(c => c.SaveAsync(input));
}
