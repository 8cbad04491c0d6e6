// Runs one benchmark definition on aws-local-stepfunctions, for `./waymark bench states`.
// usage: node states-peer.mjs <definition.json> <input JSON> <executions> [warm-up passes] [timed passes]
// One counting run, untimed warm-up passes, then timed passes of <executions> one after another.
// Prints one JSON line: {"states": <StateEntered events of one execution>, "seconds": <median timed pass>,
// "output": <last output>} or {"error": "..."} when the definition cannot run.
import { readFileSync } from 'node:fs';
import { StateMachine } from 'aws-local-stepfunctions';

const [definitionFile, inputText, executionsText, warmupText = '1', timedText = '3'] = process.argv.slice(2);
const executions = Number(executionsText);
try {
  const machine = new StateMachine(JSON.parse(readFileSync(definitionFile, 'utf8')));
  const input = JSON.parse(inputText);

  const counted = machine.run(input);
  let states = 0;
  for await (const event of counted.eventLogs) {
    if (event.type === 'StateEntered') states++;
  }
  await counted.result;

  let output;
  const pass = async () => {
    for (let i = 0; i < executions; i++) {
      output = await machine.run(input).result;
    }
  };
  for (let i = 0; i < Number(warmupText); i++) await pass();
  const seconds = [];
  for (let i = 0; i < Number(timedText); i++) {
    const start = process.hrtime.bigint();
    await pass();
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  seconds.sort((a, b) => a - b);
  console.log(JSON.stringify({ states, seconds: seconds[Math.floor(seconds.length / 2)], output }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e).slice(0, 300) }));
}
