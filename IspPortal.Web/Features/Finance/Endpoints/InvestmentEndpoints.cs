using IspPortal.Core.Finance.Investments;
using IspPortal.Core.Identity;

namespace IspPortal.Web.Features.Finance.Endpoints;

/// <summary><c>/api/finance/investments</c>: expansion projects with their return read from the books (finance.read).</summary>
public static class InvestmentEndpoints
{
    public static RouteGroupBuilder MapInvestmentEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/finance/investments", async (InvestmentBook book, CancellationToken cancellationToken) =>
                await book.ListAsync(cancellationToken) is { Value: { } rows }
                    ? Results.Ok(rows.Select(InvestmentDto.From).ToList())
                    : Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Actor.NotPermitted))
            .RequireAuthorization(Permissions.FinanceRead)
            .WithTags("Finance")
            .Produces<List<InvestmentDto>>()
            .WithSummary("Investment (expansion) projects newest start first: planned and invested amounts, revenue and costs since the start, "
                + "ROI in percent (null while nothing is invested) and the payback month (1 = the start month; null until paid back)");
        return api;
    }
}

/// <param name="Status">Planned, Active, Completed or Cancelled.</param>
public sealed record InvestmentDto(
    int Id, string Code, string Name, DateOnly StartDate, string Status, decimal PlannedAmount,
    decimal Invested, decimal Revenue, decimal Costs, decimal? RoiPercent, int? PaybackMonths)
{
    public static InvestmentDto From(InvestmentSummary s) =>
        new(s.Id, s.Code, s.Name, s.StartDate, s.Status.ToString(), s.PlannedAmount, s.Invested, s.Revenue, s.Costs, s.RoiPercent, s.PaybackMonths);
}
