using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Settings;
using IspPortal.Core.Tickets;
using IspPortal.Core.Tickets.Lifecycle;
using IspPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IspPortal.Tests.Tickets;

/// <summary>
/// The customer's ticket link: it expires the set days after the ticket was closed, and an agent can
/// revoke every link sent so far (recorded in the ticket's history), the next link opening again.
/// </summary>
public sealed class CustomerTicketLinkTests(DatabaseFixture database) : TicketUseCaseTest(database), IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task A_closed_tickets_link_opens_for_the_set_days_then_expires_and_rates_nothing()
    {
        var id = await ResolvedTicketAsync();
        var token = await TokenAsync(id, 0);
        Assert.True((await Services.ChangeStatusAsync(id, TicketAction.Close)).Succeeded);

        Clock.Advance(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1));
        var lastMinute = await OpenAsync(token);
        Clock.Advance(TimeSpan.FromMinutes(2));
        var expired = await OpenAsync(token);
        var rating = await Services.UseAsync<CustomerTicketAnswers, Outcome<int>>(a => a.RateAsync(token, 5, null));

        Assert.Equal((LinkState.Open, true), (lastMinute.State, lastMinute.View!.MayRate));
        Assert.Equal((LinkState.Expired, null), (expired.State, expired.View));
        Assert.Equal(CustomerTicketAnswers.LinkClosed, rating.FirstError);
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Tickets.SingleAsync(t => t.Id == id)).Rating);
        Assert.Contains(nameof(TicketSettings.CustomerLinkDaysAfterClosed),
            new TicketSettings { CustomerLinkDaysAfterClosed = 5, RatingReplyDays = 7 }.Validate().ToDictionary().Keys);
    }

    [Fact]
    public async Task An_agent_revokes_the_links_sent_so_far_a_read_only_manager_cannot_and_the_new_link_answers()
    {
        var id = await ResolvedTicketAsync();
        var sent = await TokenAsync(id, 0);
        var manager = await TicketTestData.AddUserAsync(Services, "manajer", Roles.Manager);
        var agent = await TicketTestData.AddUserAsync(Services, "cs1", Roles.Staff);

        ActAs(Actor.For(manager.Id, manager.UserName!, [Roles.Manager]));
        var byManager = await RevokeAsync(id);
        ActAs(Actor.For(agent.Id, agent.UserName!, [Roles.Staff]));
        var stale = await RevokeAsync(id, version: 1);
        var revoked = await RevokeAsync(id);
        var oldAnswer = await Services.UseAsync<CustomerTicketAnswers, Outcome<TicketStatus>>(a => a.AnswerAsync(sent, true, null));
        var fresh = await TokenAsync(id, 1);
        var newAnswer = await Services.UseAsync<CustomerTicketAnswers, Outcome<TicketStatus>>(a => a.AnswerAsync(fresh, true, null));

        Assert.Equal(Actor.NotPermitted, byManager.FirstError);
        Assert.Equal(ChangeTicketStatus.ChangedMeanwhile, stale.FirstError);
        Assert.True(revoked.Succeeded, revoked.FirstError);
        Assert.Equal(LinkState.Revoked, (await OpenAsync(sent)).State);
        Assert.Equal(CustomerTicketAnswers.LinkClosed, oldAnswer.FirstError);
        Assert.Equal(TicketStatus.Closed, newAnswer.Value);
        await using var db = Database.CreateDbContext();
        var ticket = await db.Tickets.Include(t => t.Activities).SingleAsync(t => t.Id == id);
        Assert.Equal(1, ticket.CustomerLinkVersion);
        var revocation = Assert.Single(ticket.Activities, a => a.Kind == TicketActivityKind.CustomerLinksRevoked);
        Assert.Equal(agent.Id, revocation.ActorId);
    }

    private async Task<int> ResolvedTicketAsync()
    {
        var opened = await Services.OpenAsync(new TicketInput(TicketTestData.CustomerCode, "Internet mati", "", TicketChannel.Phone));
        Assert.True((await Services.ChangeStatusAsync(opened.Id, TicketAction.Resolve, "Konektor diganti")).Succeeded);
        return opened.Id;
    }

    private async Task<string> TokenAsync(int id, int version)
    {
        await using var db = Database.CreateDbContext();
        var number = await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).SingleAsync();
        return Services.GetRequiredService<ITicketLinks>().ForCustomer(number, version).Split('/')[^1];
    }

    private Task<LinkOpening<CustomerTicketView>> OpenAsync(string token) =>
        Services.UseAsync<CustomerTicketAnswers, LinkOpening<CustomerTicketView>>(a => a.OpenAsync(token));

    private async Task<Outcome<TicketChanged>> RevokeAsync(int id, uint? version = null)
    {
        var seen = version ?? await Services.TicketVersionAsync(id);
        return await Services.UseAsync<ChangeTicketStatus, Outcome<TicketChanged>>(c => c.RevokeCustomerLinksAsync(id, seen));
    }

    private void ActAs(Actor actor) => Services.GetRequiredService<TestActor>().Current = actor;
}
