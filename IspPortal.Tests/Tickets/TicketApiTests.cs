using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace IspPortal.Tests.Tickets;

/// <summary>The ticket API over real HTTP against the demo ISP: create, list, assign.</summary>
public sealed class TicketApiTests(DemoPortalFactory portal) : IClassFixture<DemoPortalFactory>
{
    [Fact]
    public async Task A_ticket_is_created_listed_and_assigned_to_a_technician_by_user_name()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.TicketsWrite, Permissions.TicketsRead);
        string customer;
        await using (var db = portal.Database.CreateDbContext())
            customer = await db.Customers.OrderBy(c => c.Id).Select(c => c.Code).FirstAsync();

        using var created = await client.PostAsJsonAsync("api/tickets",
            new { customerCode = customer, subject = "Internet mati total", description = "Sejak jam 7 pagi", channel = "phone", priority = "high" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var ticket = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = ticket.GetProperty("id").GetInt32();
        var number = ticket.GetProperty("number").GetString()!;
        Assert.Matches(@"^TKT-\d{4}-\d{6}$", number);

        using var listed = await client.GetFromJsonAsync<JsonDocument>($"api/tickets?search={Uri.EscapeDataString(number)}");
        var row = listed!.RootElement.GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("Internet mati total", "Open", "Phone", "High", customer),
            (row.GetProperty("subject").GetString(), row.GetProperty("status").GetString(), row.GetProperty("channel").GetString(), row.GetProperty("priority").GetString(), row.GetProperty("customerCode").GetString()));

        using var assigned = await client.PostAsJsonAsync($"api/tickets/{id}/assign", new { assignee = "technician" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        Assert.Equal("Assigned", (await assigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        await using var after = portal.Database.CreateDbContext();
        var stored = await after.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == id);
        var technician = await after.Users.SingleAsync(u => u.UserName == "technician");
        Assert.Equal((TicketStatus.Assigned, technician.Id), (stored.Status, stored.AssigneeId));
        Assert.Contains(stored.Activities, a => a.Kind == TicketActivityKind.Assigned);
    }

    [Fact]
    public async Task Bad_requests_are_problem_details_naming_the_field_and_an_unknown_ticket_is_404()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.TicketsWrite);

        using var noSubject = await client.PostAsJsonAsync("api/tickets", new { customerCode = "KCB-NOPE", subject = "", channel = "fax" });
        int open;
        await using (var db = portal.Database.CreateDbContext())
            open = await db.Tickets.Where(t => t.Status == TicketStatus.Open).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync();
        using var finance = await client.PostAsJsonAsync($"api/tickets/{open}/assign", new { assignee = "finance" });
        using var missing = await client.PostAsJsonAsync("api/tickets/999999/assign", new { assignee = "technician" });

        Assert.Equal(HttpStatusCode.BadRequest, noSubject.StatusCode);
        Assert.Equal("application/problem+json", noSubject.Content.Headers.ContentType?.MediaType);
        Assert.True((await noSubject.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("channel", out _));
        Assert.Equal(HttpStatusCode.BadRequest, finance.StatusCode);
        Assert.Contains("tidak menangani tiket", (await finance.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("assignee")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task A_key_that_may_only_read_tickets_cannot_open_one()
    {
        using var client = await portal.CreateApiClientAsync(Permissions.TicketsRead);

        using var refused = await client.PostAsJsonAsync("api/tickets", new { customerCode = "x", subject = "y" });
        using var listed = await client.GetAsync("api/tickets?open=true");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
    }
}
