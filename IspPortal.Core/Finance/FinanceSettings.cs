using IspPortal.Core.Common;
using IspPortal.Core.Settings;

namespace IspPortal.Core.Finance;

/// <summary>How the books are kept (settings key <c>finance</c>).</summary>
public sealed record FinanceSettings : ISettingsGroup<FinanceSettings>
{
    public static string Key => "finance";

    public const decimal MaxGatewayFeePercent = 10m;

    /// <summary>The bank account (a ledger account code of kind Bank) that confirmed transfers go to; empty for the account with the default-bank role.</summary>
    public string TransferAccountCode { get; init; } = "";

    /// <summary>What the gateway keeps of a QRIS payment (Midtrans' QRIS MDR is 0.7%), booked as its fee when the payment is confirmed.</summary>
    public decimal GatewayFeePercent { get; init; } = 0.7m;

    /// <summary>A manual journal entry above this many rupiah waits for a second Finance or Admin user before it posts.</summary>
    public decimal ManualEntryApprovalThreshold { get; init; } = 10_000_000m;

    public FieldErrors Validate() => new FieldErrors()
        .When(GatewayFeePercent is < 0 or > MaxGatewayFeePercent, nameof(GatewayFeePercent), $"Biaya payment gateway antara 0 dan {MaxGatewayFeePercent}%.")
        .When(decimal.Round(GatewayFeePercent, 2) != GatewayFeePercent, nameof(GatewayFeePercent), "Biaya payment gateway paling banyak dua angka di belakang koma.")
        .When(ManualEntryApprovalThreshold < 0, nameof(ManualEntryApprovalThreshold), "Batas persetujuan jurnal manual tidak boleh negatif.")
        .When(TransferAccountCode.Length > Ledger.LedgerAccount.CodeMaxLength, nameof(TransferAccountCode), "Kode akun bank terlalu panjang.");

    /// <summary>The gateway's fee on <paramref name="amount"/>, rounded to whole rupiah as gateways settle.</summary>
    public decimal GatewayFeeOn(decimal amount) => Math.Round(amount * GatewayFeePercent / 100m, 0, MidpointRounding.AwayFromZero);
}
