import { Component } from "react";

export default class App extends Component {
  render() { return this.props.children; }
}
