const libCoverage = require('istanbul-lib-coverage');
const libReport = require('istanbul-lib-report');
const reports = require('istanbul-reports');
const spec = require('./ist.json');
const context = libReport.createContext({ dir: 'out', coverageMap: libCoverage.createCoverageMap(spec.map), defaultSummarizer: 'nested' });
reports.create('cobertura', { file: 'istanbul-cobertura.xml', projectRoot: spec.opts.projectRoot }).execute(context);
