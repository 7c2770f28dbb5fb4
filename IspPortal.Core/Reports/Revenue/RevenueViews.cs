namespace IspPortal.Core.Reports.Revenue;

/// <summary>
/// One month of MRR (<see cref="MrrMovement"/>): <c>Opening + New + Reactivated + Expansion − Contraction − Churned = Mrr</c>.
/// </summary>
/// <param name="Month">The first day of the month.</param>
/// <param name="Opening">MRR of the month before (the same customers' billing in M−1).</param>
/// <param name="ActiveCustomers">Customers with MRR in the month.</param>
/// <param name="Arpu">MRR ÷ active customers, rounded to whole rupiah; 0 without customers.</param>
public sealed record MrrMonth(
    DateOnly Month, decimal Mrr, decimal Opening, decimal New, decimal Expansion, decimal Contraction, decimal Churned, decimal Reactivated,
    int ActiveCustomers, decimal Arpu);

/// <summary>Customers with MRR in the month and their MRR for one package, location or router.</summary>
/// <param name="Share">This line's MRR ÷ the month's MRR (0.25 = 25 %), rounded to 4 places.</param>
public sealed record MixLine(int? Id, string Name, int Customers, decimal Mrr, decimal Share, decimal Arpu);

/// <param name="MixMonth">The month of the package mix: the range's last.</param>
public sealed record MrrView(
    DateOnly From, DateOnly To, IReadOnlyList<MrrMonth> Months, DateOnly MixMonth,
    IReadOnlyList<MixLine> Packages, IReadOnlyList<MixLine> Locations, IReadOnlyList<MixLine> Routers);

/// <summary>One month of customers (<see cref="CustomerChurn"/>).</summary>
/// <param name="ActiveStart">Active customers at the end of the month before (with MRR in M−1).</param>
/// <param name="NewCustomers">First MRR ever in the month.</param>
/// <param name="ReactivatedCustomers">MRR again after at least one month without.</param>
/// <param name="ChurnedCustomers">MRR in M−1, none in M.</param>
/// <param name="ChurnRate">Churned ÷ active at start (0.05 = 5 %), rounded to 4 places; null when no one was active.</param>
/// <param name="NetGrowth">New + reactivated − churned.</param>
/// <param name="ActiveEnd">Customers with MRR in the month.</param>
/// <param name="Registered">Customers registered in the month ("baru" by the lifecycle).</param>
/// <param name="Terminated">Customers whose lifecycle status became Terminated in the month ("berhenti").</param>
public sealed record ChurnMonth(
    DateOnly Month, int ActiveStart, int NewCustomers, int ReactivatedCustomers, int ChurnedCustomers, decimal? ChurnRate, int NetGrowth,
    int ActiveEnd, int Registered, int Terminated);

/// <param name="Cohort">The registration month's first day.</param>
/// <param name="Size">Customers registered in the month.</param>
/// <param name="Retention">For months 0–11 after registration, the share of the cohort with MRR then (1.0 = all), rounded to 4 places;
/// null for months after the report's last month.</param>
public sealed record CohortRow(DateOnly Cohort, int Size, IReadOnlyList<decimal?> Retention);

public sealed record ChurnView(DateOnly From, DateOnly To, IReadOnlyList<ChurnMonth> Months, IReadOnlyList<CohortRow> Cohorts);
