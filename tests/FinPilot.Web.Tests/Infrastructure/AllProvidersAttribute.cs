using System.Reflection;
using FinPilot.Web.Data;
using Xunit.Sdk;
using Xunit.v3;

namespace FinPilot.Web.Tests.Infrastructure;

/// <summary>Runs a theory once per database provider, so the same test proves the same behaviour on both.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class AllProvidersAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        new(Enum.GetValues<DatabaseProvider>().Select(p => (ITheoryDataRow)new TheoryDataRow(p)).ToList());

    public override bool SupportsDiscoveryEnumeration() => true;
}
