using FlexMail.Domain;
using FlexMail.Portal.Hosting;

var builder = WebApplication.CreateBuilder(args);

var dataFolder = DataFolder.FromConfiguration(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddFlexMailDomain(builder.Configuration, dataFolder);
builder.UseFlexMailLocalHttps(dataFolder);
builder.AddFlexMailPortal();

var app = builder.Build();
app.UseFlexMailPortal();
app.Run();

/// <summary>Entry point, visible to the integration tests' <c>WebApplicationFactory</c>.</summary>
public partial class Program;
