using System.ComponentModel;
using IspPortal.Core.Common;
using IspPortal.Core.Identity;
using IspPortal.Core.Tickets;
using IspPortal.Web.Shell.Api;

namespace IspPortal.Web.Features.Tickets.Endpoints;

public static class TicketEndpoints
{
    public static RouteGroupBuilder MapTicketEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/tickets", async (CreateTicketRequest request, OpenTicket open, CancellationToken cancellationToken) =>
            {
                var channel = TicketChannel.Web;
                if (request.Channel is { Length: > 0 } channelText && !Enum.TryParse(channelText, ignoreCase: true, out channel))
                    return Outcome.Refused<OpenedTicket>("channel", "Kanal harus web, phone, whatsapp atau email.").ToValidationProblem();
                TicketPriority? priority = null;
                if (request.Priority is { Length: > 0 } priorityText)
                {
                    if (!Enum.TryParse<TicketPriority>(priorityText, ignoreCase: true, out var parsed))
                        return Outcome.Refused<OpenedTicket>("priority", "Prioritas harus low, medium, high atau urgent.").ToValidationProblem();
                    priority = parsed;
                }
                var outcome = await open.ExecuteAsync(new TicketInput(request.CustomerCode, request.Subject ?? "", request.Description ?? "", channel, priority,
                    request.ContactName, request.ContactPhone), cancellationToken);
                return outcome.Value is { } ticket
                    ? Results.Created($"/api/tickets?search={Uri.EscapeDataString(ticket.Number)}", CreatedTicketResponse.From(ticket))
                    : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.TicketsWrite)
            .WithTags("Tickets")
            .Produces<CreatedTicketResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithSummary("Open a ticket; keyword rules pick its category, whose SLA in business hours sets the deadlines.");

        api.MapGet("/tickets", async (TicketList list, TicketStatus? status, TicketPriority? priority, TicketChannel? channel, bool? open, string? search,
                int? page, int? pageSize, CancellationToken cancellationToken) =>
            {
                var request = new PageRequest(page ?? 0, pageSize ?? 25, search);
                var found = await list.PageAsync(request, new TicketFilter(status, priority, channel, OpenOnly: open ?? false), cancellationToken);
                return TypedResults.Ok(new TicketPageResponse(found.Items.Select(TicketDto.From).ToList(), found.Total, request.Page, request.Take));
            })
            .RequireAuthorization(Permissions.TicketsRead)
            .WithTags("Tickets")
            .WithSummary("Tickets, newest first; filter by status, priority, channel or open=true, search by number, subject or customer.");

        api.MapPost("/tickets/{id:int}/assign", async (int id, AssignRequest request, AssignTicket assign, CancellationToken cancellationToken) =>
            {
                var outcome = await assign.ExecuteAsync(id, request.Assignee ?? "", cancellationToken);
                return outcome.Value is { } ticket
                    ? Results.Ok(new AssignedResponse(ticket.Id, ticket.Number, ticket.Status.ToString(), request.Assignee!.Trim()))
                    : outcome.FirstError == AssignTicket.NotFound
                        ? Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Tiket tidak ditemukan", detail: $"Tidak ada tiket dengan id {id}.")
                        : outcome.ToValidationProblem();
            })
            .RequireAuthorization(Permissions.TicketsWrite)
            .WithTags("Tickets")
            .Produces<AssignedResponse>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("Assign a ticket to an active user who works tickets, by user name.");
        return api;
    }

}

public sealed record CreateTicketRequest(
    [property: Description("Customer code; or leave it out and give contactPhone for a caller who is not a customer"), DefaultValue("KCB-CKP010225-001")] string? CustomerCode,
    [property: DefaultValue("Internet mati sejak pagi")] string? Subject,
    [property: DefaultValue("Lampu LOS merah di ONT")] string? Description,
    [property: Description("web, phone, whatsapp or email (default web)"), DefaultValue("phone")] string? Channel,
    [property: Description("low, medium, high or urgent (default: the category's, else medium)"), DefaultValue("high")] string? Priority,
    string? ContactName,
    string? ContactPhone);

public sealed record CreatedTicketResponse(int Id, string Number, string Status, string? Category, string Priority, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt)
{
    public static CreatedTicketResponse From(OpenedTicket t) =>
        new(t.Id, t.Number, t.Status.ToString(), t.CategoryCode, t.Priority.ToString(), t.FirstResponseDueAt, t.ResolutionDueAt);
}

public sealed record AssignRequest([property: Description("The assignee's user name"), DefaultValue("technician")] string? Assignee);

public sealed record AssignedResponse(int Id, string Number, string Status, string Assignee);

public sealed record TicketPageResponse(IReadOnlyList<TicketDto> Items, int Total, int Page, int PageSize);

public sealed record TicketDto(
    int Id, string Number, string Subject, string Status, string Priority, string Channel, string? CustomerCode, string? CustomerName,
    string? Category, string? Assignee, DateTimeOffset CreatedAt, DateTimeOffset? FirstResponseDueAt, DateTimeOffset? ResolutionDueAt, int EscalationLevel)
{
    public static TicketDto From(TicketRow r) =>
        new(r.Id, r.Number, r.Subject, r.Status.ToString(), r.Priority.ToString(), r.Channel.ToString(), r.CustomerCode, r.CustomerName,
            r.CategoryCode, r.Assignee, r.CreatedAt, r.FirstResponseDueAt, r.ResolutionDueAt, r.EscalationLevel);
}
