using FinPilot.Domain.Common;
using FinPilot.Domain.Metrics;
using FinPilot.Web.Features.Audit;
using Actions = FinPilot.Web.Features.Metrics.ApiClientAdministration.Actions;

namespace FinPilot.Web.Features.Metrics;

/// <summary>The audit line of every event an <see cref="ApiClient"/> records; secrets appear by their hint only.</summary>
public sealed class ApiClientAuditMap : AuditMap<ApiClient>
{
    protected override AuditLine? Map(ApiClient client, IDomainEvent recorded, AuditFacts facts) => recorded switch
    {
        ApiClientCreated => Line(client, Actions.Created,
            new { client.Name, client.OrganisationId, Secret = client.Secrets[0].Hint, client.Secrets[0].ExpiresAt }),
        ApiClientSecretIssued e => Line(client, Actions.Rotated, new { Secret = e.Secret.Hint, e.Secret.ExpiresAt }),
        ApiClientSecretRetired e => Line(client, Actions.SecretRetired, new { Secret = e.Secret.Hint }),
        ApiClientRevoked => Line(client, Actions.Revoked, new { client.Name }),
        _ => null,
    };

    private static AuditLine Line(ApiClient client, string action, object details) =>
        new(action, AuditResource.ApiClient, client.Id.ToString(), details);
}
