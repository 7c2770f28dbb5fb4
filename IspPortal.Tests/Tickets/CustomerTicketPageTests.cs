using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// The customer's ticket page from the link in their message (anonymous, static, antiforgery): they
/// confirm the fix or say it is not fixed, then rate the closed ticket once. Over real HTTP.
/// </summary>
public sealed class CustomerTicketPageTests(PortalFactory portal) : IClassFixture<PortalFactory>, IAsyncLifetime
{
    private readonly List<int> _tickets = [];

    public async Task InitializeAsync()
    {
        await using (var seeded = portal.Database.CreateDbContext())
        {
            // xUnit makes a new instance per test on the one portal and database.
            if (!await seeded.Customers.AnyAsync(c => c.Code == TicketTestData.CustomerCode))
                await TicketTestData.SeedAsync(portal.Database, TimeProvider.System);
        }
        for (var i = 0; i < 2; i++)
        {
            await using var scope = portal.Services.CreateAsyncScope();
            var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
            _tickets.Add(opened.Value!.Id);
            await using var db = portal.Database.CreateDbContext();
            var ticket = await db.Tickets.SingleAsync(t => t.Id == opened.Value.Id);
            ticket.MoveTo(TicketStatus.Assigned, null, DateTimeOffset.UtcNow);
            ticket.MoveTo(TicketStatus.Resolved, null, DateTimeOffset.UtcNow, "Kabel fiber disambung ulang.");
            await db.SaveChangesAsync();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_customer_confirms_the_fix_then_rates_it_once()
    {
        var page = await PageOfAsync(_tickets[0]);
        using var client = portal.CreateClient();

        var opened = await client.GetStringAsync(page);
        var confirmed = await StaticForms.PostAsync(client, page, "fixed", opened, []);
        var outOfRange = await StaticForms.PostAsync(client, page, "rate", confirmed, new() { ["Stars"] = "9" });
        var rated = await StaticForms.PostAsync(client, page, "rate", confirmed, new() { ["Stars"] = "5", ["RatingComment"] = "Cepat sekali" });
        var again = await StaticForms.PostAsync(client, page, "rate", confirmed, new() { ["Stars"] = "1" });
        var fixedAgain = await StaticForms.PostAsync(client, page, "fixed", opened, []);

        Assert.Contains("Kabel fiber disambung ulang.", opened, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"customer-ticket-fixed\"", opened, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"customer-ticket-stars-5\"", confirmed, StringComparison.Ordinal);
        Assert.Contains("Pilih nilai 1 sampai 5.", outOfRange, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"customer-ticket-stars-5\"", outOfRange, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"customer-ticket-rating\"", rated, StringComparison.Ordinal);
        // A second tab posting to forms that are gone gets the answer, not a bare 400, and changes nothing.
        Assert.Contains("sudah Anda nilai", again, StringComparison.Ordinal);
        Assert.Contains("tidak sedang menunggu konfirmasi", fixedAgain, StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.SingleAsync(t => t.Id == _tickets[0]);
        Assert.Equal((TicketStatus.Closed, 5, "Cepat sekali"), (ticket.Status, ticket.Rating, ticket.RatingComment));
    }

    [Fact]
    public async Task Not_fixed_puts_the_ticket_back_to_work_with_the_customers_words_and_a_bad_token_shows_nothing()
    {
        var page = await PageOfAsync(_tickets[1]);
        using var client = portal.CreateClient();

        var answered = await StaticForms.PostAsync(client, page, "not-fixed", await client.GetStringAsync(page), new() { ["NotFixedComment"] = "Masih sering putus malam hari" });
        using var forgedResponse = await client.GetAsync(new Uri(page.OriginalString[..^4] + "AAAA", UriKind.Relative));
        var forged = await forgedResponse.Content.ReadAsStringAsync();

        Assert.Contains("data-testid=\"customer-ticket-thanks\"", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"customer-ticket-fixed\"", answered, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, forgedResponse.StatusCode);
        Assert.Contains("data-testid=\"customer-ticket-invalid\"", forged, StringComparison.Ordinal);
        await using var db = portal.Database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == _tickets[1]);
        Assert.Equal(TicketStatus.InProgress, ticket.Status);
        Assert.Contains(ticket.Activities, a => a.Note != null && a.Note.Contains("Masih sering putus malam hari", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_revoked_link_is_gone_shows_nothing_and_takes_no_answer_while_the_new_link_works()
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var opened = await scope.ServiceProvider.GetRequiredService<OpenTicket>().ExecuteAsync(new TicketInput(TicketTestData.CustomerCode, "Lampu LOS merah", "", TicketChannel.Phone));
        var id = opened.Value!.Id;
        await using (var db = portal.Database.CreateDbContext())
        {
            var ticket = await db.Tickets.SingleAsync(t => t.Id == id);
            ticket.MoveTo(TicketStatus.Resolved, null, DateTimeOffset.UtcNow, "ONT diganti.");
            ticket.RevokeCustomerLinks(null, DateTimeOffset.UtcNow);
            await db.SaveChangesAsync();
        }
        var (old, renewed) = (await PageOfAsync(id), await PageOfAsync(id, version: 1));
        using var client = portal.CreateClient();

        using var gone = await client.GetAsync(old);
        var goneHtml = await gone.Content.ReadAsStringAsync();
        var works = await client.GetStringAsync(renewed);
        // A page loaded before the revocation posts its answer: the same refusal, nothing changes.
        using var form = StaticForms.Form("fixed", works);
        using var answer = await client.PostAsync(old, form);
        var posted = await answer.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.Gone, gone.StatusCode);
        Assert.Contains("data-testid=\"customer-ticket-revoked\"", goneHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("ONT diganti.", goneHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"customer-ticket-fixed\"", works, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.Gone, answer.StatusCode);
        Assert.Contains("data-testid=\"customer-ticket-revoked\"", posted, StringComparison.Ordinal);
        await using var after = portal.Database.CreateDbContext();
        Assert.Equal(TicketStatus.Resolved, (await after.Tickets.SingleAsync(t => t.Id == id)).Status);
    }

    private async Task<Uri> PageOfAsync(int id, int version = 0)
    {
        await using var db = portal.Database.CreateDbContext();
        var number = await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync();
        return new Uri(new Uri(portal.Services.GetRequiredService<ITicketLinks>().ForCustomer(number, version)).PathAndQuery.TrimStart('/'), UriKind.Relative);
    }
}
