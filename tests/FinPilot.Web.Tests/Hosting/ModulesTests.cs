using System.Reflection;
using Microsoft.Extensions.Hosting;

namespace FinPilot.Web.Tests.Hosting;

/// <summary>The one module list both hosts add (Modules.cs) misses no module.</summary>
public sealed class ModulesTests
{
    [Fact]
    public void Every_module_with_an_Add_method_is_in_the_module_list()
    {
        // A module is a Features/<Module> folder whose setup class offers Add<Module>(IHostApplicationBuilder).
        var modules = typeof(Modules).Assembly.GetTypes()
            .Where(t => t.IsAbstract && t.IsSealed && t.Namespace?.StartsWith("FinPilot.Web.Features.", StringComparison.Ordinal) == true)
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static).Select(m => (Module: t.Namespace!["FinPilot.Web.Features.".Length..], Method: m)))
            .Where(x => x.Method.Name == "Add" + x.Module
                && x.Method.GetParameters() is [{ ParameterType: var builder }] && builder == typeof(IHostApplicationBuilder))
            .Select(x => x.Module)
            .Distinct()
            .Order()
            .ToList();

        Assert.NotEmpty(modules);
        Assert.Equal(modules, Modules.Names.Order());
    }
}
