using OrdersPipeline.Infra;
using Pulumi;

return await Deployment.RunAsync<PipelineStack>();
