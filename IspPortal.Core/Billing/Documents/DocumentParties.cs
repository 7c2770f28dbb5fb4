namespace IspPortal.Core.Billing.Documents;

/// <summary>The ISP as its invoices and receipts show it (from the company profile and logo settings).</summary>
public sealed record DocumentCompany(string Name, string Address, string Phone, string Email, string Npwp, byte[]? Logo);

/// <summary>The customer a document is addressed to.</summary>
public sealed record DocumentCustomer(string Code, string Name, string Address, string Phone);
