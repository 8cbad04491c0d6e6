// Runs one benchmark definition on aws-local-stepfunctions, for `./waymark bench states`.
// usage: node states-peer.mjs <definition.json> <input JSON>
// Runs one execution and prints {"states": <StateEntered events of it>} (or {"error": "..."} when the
// definition cannot run); then, for each line read on stdin holding a number of seconds, runs executions
// one after another until that many seconds have passed and prints {"count": <executions>, "seconds": <s>}.
// The Java side interleaves these timed passes with the other executors' passes.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { StateMachine } from 'aws-local-stepfunctions';

const [definitionFile, inputText] = process.argv.slice(2);
let machine;
let input;
try {
  machine = new StateMachine(JSON.parse(readFileSync(definitionFile, 'utf8')));
  input = JSON.parse(inputText);
  const counted = machine.run(input);
  let states = 0;
  for await (const event of counted.eventLogs) {
    if (event.type === 'StateEntered') states++;
  }
  await counted.result;
  console.log(JSON.stringify({ states }));
} catch (e) {
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e).slice(0, 300) }));
  process.exit(0);
}

for await (const line of createInterface({ input: process.stdin })) {
  const seconds = Number(line);
  if (!(seconds > 0)) break;
  try {
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round(seconds * 1e9));
    let count = 0;
    let now;
    do {
      await machine.run(input).result;
      count++;
      now = process.hrtime.bigint();
    } while (now < end);
    console.log(JSON.stringify({ count, seconds: Number(now - start) / 1e9 }));
  } catch (e) {
    console.log(JSON.stringify({ error: String(e && e.message ? e.message : e).slice(0, 300) }));
  }
}
