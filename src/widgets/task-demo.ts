import catalogue from 'virtual:task-catalogue';
import { DEMO_TITLES, type DemoCommand, type TaskDemoState } from '../shared/demos';
import type { TaskDescription } from '../shared/tasks';
import { serverBase } from './connection';
import { DemoWidget } from './demo-widget';
import { el, withCode } from '../browser/dom';
import { LiveTasks } from './task-backend';
import styles from './task-demo.css?inline';
import { ParamForm } from './task-demo-form';
import { scrollRegion } from './task-demo-scroll';
import { WorkerBoard } from './task-demo-workers';
import { BATCH, TaskDemoModel, type TaskDemoMode } from './task-model';
import { SimulatedTasks } from './task-simulation';

/**
 * `<task-demo server="…" mode="execute|job|workers" task="…">`: the task server's catalogue, a
 * form built from the chosen task's schema, runs "now" (POST /api/execute) or through the queue
 * (a job whose progress streams in), and with mode="workers" which worker runs which job.
 * Without a reachable server it says so within 2 s and plays a labelled simulation instead.
 * What it shows is a TaskDemoModel's state; this element only draws it and passes on input.
 */
export class TaskDemo extends DemoWidget<TaskDemoState> {
  static observedAttributes = ['server', 'mode'];

  private readonly badge = el('span', { class: 'badge', hidden: '' }, 'Simulation');
  private readonly status = el('p', { class: 'status', role: 'status' });
  private readonly select = el('select', { id: 'task' });
  private readonly description = el('p', { class: 'description', id: 'task-description' });
  private readonly paramsSlot = el('div');
  private readonly executeButton = el('button', { type: 'submit' }, 'Jetzt ausführen');
  private readonly queueButton = el('button', { type: 'button', class: 'secondary' }, 'In die Warteschlange');
  private readonly batchButton = el('button', { type: 'button', class: 'secondary' }, `${BATCH} Jobs auf einmal`);
  private readonly fieldset = el('fieldset', { class: 'controls' });
  private readonly runBox = el('div', { class: 'progress', hidden: '' });
  private readonly progress = el('progress', { max: '1', value: '0', 'aria-label': 'Fortschritt' });
  private readonly progressText = el('span', { class: 'progress-text' });
  private readonly outcome = el('dl', { class: 'outcome', 'aria-live': 'polite', hidden: '' });
  private readonly result = el('output', { for: 'task' });
  private readonly worker = el('dd');
  private readonly time = el('dd');
  private readonly error = el('p', { class: 'error', role: 'alert' });
  private readonly board = new WorkerBoard();

  private model: TaskDemoModel | undefined;
  private form: ParamForm | undefined;
  private shownTasks: TaskDescription[] = [];
  private markedField: string | null = null;

  constructor() {
    super(
      styles,
      DEMO_TITLES.task,
      'Im Vortrag: eine Task auf dem Task-Server ausführen – sofort oder als Job in der Warteschlange – ' +
        'mit Fortschritt, Ergebnis und dem Worker, der sie gerechnet hat.',
    );
    const form = el(
      'form',
      { 'aria-label': 'Task ausführen' },
      this.fieldset,
      el('div', { class: 'actions' }, this.executeButton, this.queueButton, this.batchButton),
    );
    this.fieldset.append(
      el('div', { class: 'field' }, el('label', { for: 'task' }, 'Task'), this.select),
      this.description,
      this.paramsSlot,
    );
    this.select.setAttribute('aria-describedby', 'task-description');
    this.root.append(
      this.framed(
        [this.badge, this.status, this.linkBar],
        form,
        el('div', { class: 'run' }, this.runBox, this.outcome, this.error, this.board.element),
      ),
    );
    this.runBox.append(this.progress, this.progressText);
    this.outcome.append(
      el('dt', {}, 'Ergebnis'),
      el('dd', {}, scrollRegion('result', 'Ergebnis', this.result)),
      el('dt', {}, 'Worker'),
      this.worker,
      el('dt', {}, 'Zeit'),
      this.time,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.command('run');
    });
    this.queueButton.addEventListener('click', () => this.command('queue'));
    this.batchButton.addEventListener('click', () => this.command('batch'));
    this.select.addEventListener('change', () => this.model?.select(this.select.value));
  }

  private get mode(): TaskDemoMode {
    const mode = this.getAttribute('mode');
    return mode === 'job' || mode === 'workers' ? mode : 'execute';
  }

  get demoState(): TaskDemoState | null {
    return this.model?.state ?? null;
  }

  attributeChangedCallback(): void {
    if (!this.model) return;
    this.stopOwn();
    this.startOwn();
  }

  /** Run is "Jetzt ausführen" where the demo has it, else the queue. */
  command(command: DemoCommand): void {
    const model = this.model;
    if (!model) return;
    const mode = this.mode;
    if (command === 'reset') return model.reset();
    if (command === 'batch' && mode === 'workers') void model.queueBatch();
    else if (command === 'queue' || mode === 'job') void model.queue();
    else if (command === 'run') void model.execute();
  }

  protected startOwn(): void {
    const server = serverBase(this);
    this.model = new TaskDemoModel({
      server,
      live: new LiveTasks(server),
      simulated: new SimulatedTasks(),
      mode: this.mode,
      task: this.getAttribute('task'),
      onChange: (state) => this.changed(state),
    });
    this.changed(this.model.state);
    void this.model.start();
  }

  protected stopOwn(): void {
    this.model?.dispose();
    this.model = undefined;
  }

  protected printable(state: TaskDemoState): boolean {
    return state.run !== null;
  }

  protected render(state: TaskDemoState, mirrored: boolean): void {
    const mode = this.mode;
    this.executeButton.hidden = mode === 'job';
    this.queueButton.hidden = mode === 'execute';
    this.batchButton.hidden = this.board.element.hidden = mode !== 'workers';
    this.fieldset.disabled = mirrored || state.connection === 'connecting';
    for (const button of [this.executeButton, this.queueButton, this.batchButton]) button.disabled = mirrored;
    this.badge.hidden = state.connection !== 'simulated';
    this.status.replaceChildren(...withCode(state.status));
    this.#showTasks(mirrored ? catalogue : (this.model?.tasks ?? []), state.task);
    const task = this.shownTasks.find((candidate) => candidate.name === state.task);
    if (task && this.form?.task !== task) {
      this.description.textContent = `${task.description} Zeitlimit ${task.limits.timeMs / 1000} s.`;
      this.form = new ParamForm(task, state.inputs, (name, value) => this.model?.input(name, value));
      this.paramsSlot.replaceChildren(this.form.element);
    } else this.form?.show(state.inputs);
    const marked = this.form?.mark(state.errorField ?? undefined);
    if (marked && !mirrored && state.errorField !== this.markedField) marked.focus();
    this.markedField = state.errorField;
    this.error.textContent = state.error;
    this.#showRun(state);
    this.board.show(state.workers, state.jobs, state.connection === 'simulated');
  }

  #showTasks(tasks: TaskDescription[], chosen: string): void {
    if (tasks !== this.shownTasks) {
      this.shownTasks = tasks;
      this.select.replaceChildren(
        ...tasks.map((task) => el('option', { value: task.name }, `${task.title} (${task.name})`)),
      );
    }
    if (this.select.value !== chosen) this.select.value = chosen;
  }

  #showRun({ run }: TaskDemoState): void {
    this.runBox.hidden = run === null;
    this.outcome.hidden = run?.result === undefined;
    if (!run) return;
    if (run.progress === null) this.progress.removeAttribute('value');
    else this.progress.value = run.progress;
    this.progressText.textContent = run.line;
    this.result.textContent = run.result ?? '';
    this.worker.textContent = run.worker ?? '';
    this.time.textContent = run.time ?? '';
  }
}
