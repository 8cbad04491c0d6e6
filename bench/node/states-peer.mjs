// Runs one benchmark definition on aws-local-stepfunctions, for `./waymark bench states`.
// usage: node states-peer.mjs <definition.json> <input JSON> <executions>
// One counting run, one untimed warm-up pass of <executions>, then the timed pass.
// Prints one JSON line: {"states": <StateEntered events of one execution>, "seconds": <time of the timed pass>,
// "output": <last output>} or {"error": "..."} when the definition cannot run.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const [definitionFile, inputText, executionsText] = process.argv.slice(2);
const executions = Number(executionsText);
try {
  const machine = new StateMachine(JSON.parse(readFileSync(definitionFile, 'utf8')));
  const input = JSON.parse(inputText);

  // One untimed run that counts states entered from the event log (also warms the JIT).
  const counted = machine.run(input);
  let states = 0;
  for await (const event of counted.eventLogs) {
    if (event.type === 'StateEntered') states++;
  }
  await counted.result;
  for (let i = 0; i < executions; i++) {
    await machine.run(input).result; // warm-up pass, as for every executor
  }

  const start = process.hrtime.bigint();
  let output;
  for (let i = 0; i < executions; i++) {
    output = await machine.run(input).result;
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  console.log(JSON.stringify({ states, seconds, output }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e).slice(0, 300) }));
}
